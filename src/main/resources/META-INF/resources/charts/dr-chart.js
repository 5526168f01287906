// <dr-chart>: a small custom element over uPlot (loaded before it from the uplot webjar). The server sets its
// "config" property to a JSON string: {kind: "line"|"bars", title, xLabel, yLabel, x: [...],
// series: [{label, color, values: [...], dash}], band: {from, to, label}, width, height}.
// After each drawing it sets data-points (the number of x values) so tests can see it update.
(function () {
  if (customElements.get('dr-chart')) {
    return;
  }
  function fitted(wanted, parent) {
    const room = parent ? parent.clientWidth : 0;
    return room > 160 ? Math.min(wanted, room) : wanted;
  }

  class DrChart extends HTMLElement {
    set config(value) {
      this._config = typeof value === 'string' ? JSON.parse(value) : value;
      this._render();
    }

    get config() {
      return this._config;
    }

    connectedCallback() {
      // A property set before this element was upgraded shadows the setter: take it over.
      if (Object.prototype.hasOwnProperty.call(this, 'config')) {
        const value = this.config;
        delete this.config;
        this.config = value;
      } else {
        this._render();
      }
    }

    disconnectedCallback() {
      if (this._plot) {
        this._plot.destroy();
        this._plot = null;
      }
    }

    _render() {
      const c = this._config;
      if (!c || !this.isConnected) {
        return;
      }
      if (!window.uPlot) {
        setTimeout(() => this._render(), 50);
        return;
      }
      if (this._plot) {
        this._plot.destroy();
      }
      const bars = c.kind === 'bars';
      const series = [{ label: c.xLabel || 'x' }].concat(
        c.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash ? [6, 4] : undefined,
          fill: bars ? s.color + '88' : undefined,
          spanGaps: false,
          paths: bars ? uPlot.paths.bars({ size: [0.95, Infinity] }) : undefined,
          points: { show: !bars && c.x.length < 40 },
        }))
      );
      const band = c.band;
      const options = {
        title: c.title,
        // Never wider than the box it is drawn in (a lesson's pane, a phone): a chart does not push the page sideways.
        width: fitted(c.width || 520, this.parentElement),
        height: c.height || 220,
        scales: {
          x: { time: false },
          y: band
            ? { range: (u, min, max) => [Math.min(min ?? band.from, band.from - 0.5), Math.max(max ?? band.to, band.to + 0.5)] }
            : {},
        },
        axes: [{ label: c.xLabel }, { label: c.yLabel }],
        series: series,
        hooks: band
          ? {
              drawAxes: [
                (u) => {
                  const ctx = u.ctx;
                  const top = u.valToPos(band.to, 'y', true);
                  const bottom = u.valToPos(band.from, 'y', true);
                  ctx.save();
                  ctx.fillStyle = 'rgba(46, 125, 50, 0.14)';
                  ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
                  if (band.label) {
                    ctx.fillStyle = 'rgba(27, 94, 32, 0.9)';
                    ctx.font = 12 * devicePixelRatio + 'px sans-serif';
                    ctx.fillText(band.label, u.bbox.left + 6 * devicePixelRatio, top + 14 * devicePixelRatio);
                  }
                  ctx.restore();
                },
              ],
            }
          : {},
      };
      const data = [c.x].concat(c.series.map((s) => s.values));
      this._plot = new uPlot(options, data, this);
      this.setAttribute('data-points', String(c.x.length));
    }
  }
  customElements.define('dr-chart', DrChart);
})();
