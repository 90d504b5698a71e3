"""Sphinx configuration of the course website (built by ``python -m tools.site``; see README)."""

project = "Autoencoders, hands on"
author = "the course's authors"
copyright = "the course's authors; MNIST: CC BY-SA 3.0"

extensions = ["myst_nb"]
root_doc = "index"  # the README, staged as index.md by tools.site, is the front page
exclude_patterns = ["_build"]

# The notebooks are shown as committed: prose, math and stored outputs. Nothing is executed.
nb_execution_mode = "off"
nb_ipywidgets_js = {}  # no widget scripts from a CDN: the explorer runs in the page's own script (tools.site_explorer)
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

# Everything is served from the site itself: no theme, font or script is fetched from the network.
html_theme = "furo"
html_title = "Autoencoders, hands on"
html_static_path = ["_static"]
html_css_files = ["course.css"]  # website/course.css: notebook code fits the column (see the file)
html_extra_path = ["_extra"]  # each notebook's .ipynb, as committed, beside its page (the download link)
mathjax_path = "mathjax/tex-svg.js"  # MathJax 3, copied in by tools.site from the installed package
html_show_sourcelink = False
html_copy_source = False
