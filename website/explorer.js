// The latent explorer of notebook 06, live in the page: two sliders (z1, z2) and the map set z; the
// course's shipped 2-D decoder (weights in decoder_2d.js, written by `python -m tools.site`) turns z
// into a 28 x 28 digit here, in plain JavaScript. No framework, no network: works from file:// too.
(function () {
  "use strict";
  var DATA = window.AE_EXPLORER_DATA;  // {ae: {...}, vae: {...}}: one entry per shipped 2-D model
  var SIDE = 28;
  var WORDS = {
    en: {near: "near the training codes", empty: "<b>in an empty region</b>: no training code is near",
         random: {uniform: "Draw a random z, evenly over the map", normal: "Draw a random z from N(0, I)"},
         nearest: function (d) { return "nearest code " + d + " away"; },
         time: function (ms, n) { return "decoded in " + ms + " ms (median of " + n + " decodes)"; }},
    ko: {near: "학습 데이터의 코드 근처", empty: "<b>빈 영역</b>: 근처에 학습 데이터의 코드가 없습니다",
         random: {uniform: "무작위 z 뽑기(지도 전체에서 고르게)", normal: "무작위 z 뽑기(N(0, I)에서)"},
         nearest: function (d) { return "가장 가까운 코드까지의 거리: " + d; },
         time: function (ms, n) { return "디코딩 1회 " + ms + " ms (" + n + "회 측정의 중앙값)"; }}
  };

  function float16s(base64) {  // little-endian float16 bytes -> Float32Array
    var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
    var view = new DataView(bytes.buffer), out = new Float32Array(bytes.length / 2);
    for (var i = 0; i < out.length; i++) {
      var h = view.getUint16(2 * i, true), sign = h & 0x8000 ? -1 : 1;
      var exponent = (h >> 10) & 0x1f, fraction = h & 0x3ff;
      out[i] = exponent === 0 ? sign * Math.pow(2, -14) * (fraction / 1024)
        : exponent === 31 ? (fraction ? NaN : sign * Infinity)
        : sign * Math.pow(2, exponent - 15) * (1 + fraction / 1024);
    }
    return out;
  }

  var MODELS = {};  // the decoded weights and codes of each model, made when an explorer first needs them
  function model(name) {
    if (!MODELS[name]) {
      var data = DATA[name];
      MODELS[name] = {
        data: data,
        layers: data.layers.map(function (l) {
          return {rows: l.rows, cols: l.cols, weight: float16s(l.weight), bias: float16s(l.bias)};
        }),
        codes: float16s(data.codes),
        labels: Uint8Array.from(atob(data.labels), function (c) { return c.charCodeAt(0); })
      };
    }
    return MODELS[name];
  }

  // x -> W x + b for each layer; SiLU between layers, sigmoid at the end (aelib.models.Decoder).
  function decode(layers, z) {
    var x = Float32Array.from(z);
    for (var k = 0; k < layers.length; k++) {
      var layer = layers[k], y = new Float32Array(layer.rows), last = k === layers.length - 1;
      for (var r = 0; r < layer.rows; r++) {
        var sum = layer.bias[r], offset = r * layer.cols;
        for (var c = 0; c < layer.cols; c++) sum += layer.weight[offset + c] * x[c];
        y[r] = last ? 1 / (1 + Math.exp(-sum)) : sum / (1 + Math.exp(-sum));
      }
      x = y;
    }
    return x;
  }

  function nearestDistance(codes, labels, z) {
    var best = Infinity;
    for (var i = 0; i < labels.length; i++) {
      var dx = codes[2 * i] - z[0], dy = codes[2 * i + 1] - z[1], d = dx * dx + dy * dy;
      if (d < best) best = d;
    }
    return Math.sqrt(best);
  }

  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; }), n = sorted.length;
    return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  function standardNormal() {  // Box-Muller
    return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  }

  function Explorer(root) {
    var self = this, lang = root.getAttribute("data-lang") === "ko" ? "ko" : "en";
    this.model = model(root.getAttribute("data-model") || "ae");
    this.data = this.model.data;
    this.words = WORDS[lang];
    this.z = this.data.start.slice();
    this.pixels = new Float32Array(SIDE * SIDE);
    this.decodeMs = [];
    this.digit = root.querySelector(".ae-digit");
    this.map = root.querySelector(".ae-map");
    this.status = root.querySelector(".ae-status");
    this.sliders = [0, 1].map(function (d) {
      var label = document.createElement("label"), input = document.createElement("input");
      var value = document.createElement("output");
      input.type = "range";
      input.min = self.data.low[d];
      input.max = self.data.high[d];
      input.step = 0.01;
      input.value = self.z[d];
      input.className = "ae-z" + (d + 1);
      input.style.width = "320px";
      input.style.verticalAlign = "middle";
      input.addEventListener("input", function () { self.z[d] = parseFloat(input.value); self.update(); });
      label.style.display = "block";
      label.append("z" + "₁₂"[d] + " ", input, " ", value);
      root.querySelector(".ae-sliders").append(label);
      return {input: input, value: value};
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ae-random";
    button.textContent = this.words.random[this.data.draw];
    button.addEventListener("click", function () { self.setZ(self.randomZ()); });
    root.querySelector(".ae-sliders").append(button);
    root.querySelector(".ae-legend").innerHTML = this.data.colours.map(function (colour, d) {
      return '<span style="white-space:nowrap;margin-right:6px"><span style="display:inline-block;width:9px;' +
        'height:9px;border-radius:50%;background:' + colour + '"></span> ' + d + "</span>";
    }).join("");
    this.background = this.drawPlane();
    var dragging = false;
    function fromPointer(event) {
      var box = self.map.getBoundingClientRect();
      var px = (event.clientX - box.left) * self.map.width / box.width;
      var py = (event.clientY - box.top) * self.map.height / box.height;
      self.setZ(self.toZ(px, py));
    }
    this.map.addEventListener("pointerdown", function (e) { dragging = true; fromPointer(e); });
    this.map.addEventListener("pointermove", function (e) { if (dragging) fromPointer(e); });
    window.addEventListener("pointerup", function () { dragging = false; });
    root.hidden = false;
    var fallback = root.parentNode.querySelector(".ae-fallback");
    if (fallback) fallback.hidden = true;
    this.update();
  }

  // The model's own way to pick a z at random: evenly over the map's box (the simplest generator, notebook
  // 06) or from the prior N(0, I) (a VAE's, notebook 08).
  Explorer.prototype.randomZ = function () {
    var low = this.data.low, high = this.data.high;
    if (this.data.draw === "normal") return [standardNormal(), standardNormal()];
    return [low[0] + Math.random() * (high[0] - low[0]), low[1] + Math.random() * (high[1] - low[1])];
  };

  Explorer.prototype.toPixel = function (z) {
    var w = this.map.width, h = this.map.height, low = this.data.low, high = this.data.high;
    return [(z[0] - low[0]) / (high[0] - low[0]) * w, (1 - (z[1] - low[1]) / (high[1] - low[1])) * h];
  };

  Explorer.prototype.toZ = function (px, py) {
    var w = this.map.width, h = this.map.height, low = this.data.low, high = this.data.high;
    return [low[0] + px / w * (high[0] - low[0]), low[1] + (1 - py / h) * (high[1] - low[1])];
  };

  Explorer.prototype.drawPlane = function () {
    var canvas = document.createElement("canvas"), context = canvas.getContext("2d");
    var codes = this.model.codes, labels = this.model.labels, low = this.data.low, high = this.data.high;
    canvas.width = this.map.width;
    canvas.height = this.map.height;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.globalAlpha = 0.5;
    for (var i = 0; i < labels.length; i++) {
      var p = this.toPixel([codes[2 * i], codes[2 * i + 1]]);
      context.fillStyle = this.data.colours[labels[i]];
      context.fillRect(p[0] - 1, p[1] - 1, 2, 2);
    }
    context.globalAlpha = 1;
    context.fillStyle = "#333";
    context.font = "11px sans-serif";
    context.fillText("z₁ →", canvas.width - 32, canvas.height - 6);
    context.fillText("↑ z₂", 4, 12);
    context.fillStyle = "#777";  // the corners' coordinates: the map's range, as the sliders'
    var digits = high[0] - low[0] < 20 ? 1 : 0;
    context.fillText("(" + low[0].toFixed(digits) + ", " + low[1].toFixed(digits) + ")", 4, canvas.height - 6);
    var corner = "(" + high[0].toFixed(digits) + ", " + high[1].toFixed(digits) + ")";
    context.fillText(corner, canvas.width - 4 - context.measureText(corner).width, 12);
    return canvas;
  };

  // Set z as a learner moving both sliders would: clipped to their range, on their 0.01 grid.
  Explorer.prototype.setZ = function (z) {
    for (var d = 0; d < 2; d++) {
      this.sliders[d].input.value = z[d];
      this.z[d] = parseFloat(this.sliders[d].input.value);
    }
    this.update();
  };

  Explorer.prototype.update = function () {
    var start = performance.now();
    this.pixels = decode(this.model.layers, this.z);
    this.decodeMs.push(performance.now() - start);
    var small = document.createElement("canvas");
    small.width = small.height = SIDE;
    var context = small.getContext("2d"), image = context.createImageData(SIDE, SIDE);
    for (var i = 0; i < SIDE * SIDE; i++) {
      var grey = Math.round(255 * (1 - this.pixels[i]));  // dark digit on white, as in the notebook
      image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = grey;
      image.data[4 * i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    this.small = small;
    var big = this.digit.getContext("2d");
    big.imageSmoothingEnabled = false;
    big.drawImage(small, 0, 0, this.digit.width, this.digit.height);
    var map = this.map.getContext("2d"), p = this.toPixel(this.z);
    map.drawImage(this.background, 0, 0);
    map.strokeStyle = map.fillStyle = "#000";
    map.lineWidth = 2;
    map.beginPath();
    map.arc(p[0], p[1], 6, 0, 2 * Math.PI);
    map.stroke();
    map.fillRect(p[0] - 1.5, p[1] - 1.5, 3, 3);
    for (var d = 0; d < 2; d++) this.sliders[d].value.textContent = this.z[d].toFixed(2);
    var distance = nearestDistance(this.model.codes, this.model.labels, this.z), words = this.words;
    this.status.innerHTML = "z = (" + this.z[0].toFixed(2) + ", " + this.z[1].toFixed(2) + ") — " +
      (distance <= this.data.spacing ? words.near : words.empty) + " (" + words.nearest(distance.toFixed(2)) + ")" +
      '<br><small class="ae-time">' + words.time(median(this.decodeMs).toFixed(2), this.decodeMs.length) +
      "</small>";
  };

  // The 28 x 28 decoded values of the current z as 0..255 greys (what the canvas shows), for tests.
  Explorer.prototype.greys = function () {
    return Array.from(this.small.getContext("2d").getImageData(0, 0, SIDE, SIDE).data.filter(function (_, i) {
      return i % 4 === 0;
    }));
  };

  function start() {
    window.aeExplorers = Array.prototype.map.call(document.querySelectorAll(".ae-explorer"), function (root) {
      return new Explorer(root);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
