/// The HTML report's inline stylesheet and script (no external assets).
enum HTMLAssets {
    static let css = """
        :root {
          --bg: #f6f5f1; --card: #ffffff; --ink: #1d1d1f; --muted: #6b6b70; --line: #e2e0da;
          --conflict: #c0392b; --framing: #7d3c98; --variance: #b9770e; --agreement: #1e8449;
          --mark: #fff1a8; --mark-ink: #1d1d1f;
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #18181a; --card: #232326; --ink: #ececee; --muted: #a0a0a8; --line: #38383d;
                  --mark: #6b5b00; --mark-ink: #fffbe6; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 48px; background: var(--bg); color: var(--ink); }
        h1 { font-size: 1.7rem; margin: 0; letter-spacing: -0.01em; }
        h1 span { font-weight: 400; color: var(--muted); }
        body > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 20px; margin-bottom: 18px; }
        .summary { margin: 0; color: var(--muted); }
        .counts { display: flex; gap: 8px; list-style: none; margin: 0; padding: 0; }
        .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; color: #fff; font-size: 0.8rem;
                 font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; background: var(--muted); }
        .badge.v-conflict, .chip.v-conflict input { background: var(--conflict); accent-color: var(--conflict); }
        .badge.v-framing, .chip.v-framing input { background: var(--framing); accent-color: var(--framing); }
        .badge.v-variance, .chip.v-variance input { background: var(--variance); accent-color: var(--variance); }
        .badge.v-agreement, .chip.v-agreement input { background: var(--agreement); accent-color: var(--agreement); }
        .legend { margin: -6px 0 16px; color: var(--muted); font-size: 0.92rem; }
        .legend summary { cursor: pointer; }
        .legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 12px; margin: 10px 0; align-items: center; }
        .legend dd { margin: 0; color: var(--ink); }
        .legend p { max-width: 70ch; }
        .at-quote { white-space: nowrap; font-size: 0.85em; }
        #filters { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 24px; padding: 12px 16px; margin-bottom: 22px;
                   background: var(--card); border: 1px solid var(--line); border-radius: 10px;
                   position: sticky; top: 0; z-index: 1; }
        fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
        legend { float: left; margin-right: 6px; font-size: 0.8rem; font-weight: 600; color: var(--muted);
                 text-transform: uppercase; letter-spacing: 0.05em; }
        .chip { display: inline-flex; align-items: center; gap: 5px; padding: 3px 10px; border: 1px solid var(--line);
                border-radius: 999px; cursor: pointer; font-size: 0.9rem; user-select: none; }
        .chip small { color: var(--muted); }
        .chip:has(input:not(:checked)) { opacity: 0.5; }
        .shown { margin: 0 0 0 auto; color: var(--muted); font-size: 0.9rem; }
        .shown button { margin-left: 8px; font: inherit; padding: 2px 10px; border-radius: 6px; border: 1px solid var(--line);
                        background: transparent; color: var(--ink); cursor: pointer; }
        .finding { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--muted);
                   border-radius: 10px; padding: 16px 20px 18px; margin: 0 0 18px; }
        .finding.v-conflict { border-left-color: var(--conflict); }
        .finding.v-framing { border-left-color: var(--framing); }
        .finding.v-variance { border-left-color: var(--variance); }
        .finding.v-agreement { border-left-color: var(--agreement); }
        .finding > header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; }
        .finding h2 { font-size: 1.15rem; margin: 0; }
        .finding h2 a { color: var(--muted); text-decoration: none; font-weight: 400; }
        .meta { color: var(--muted); font-size: 0.9rem; }
        .reason { font-size: 1.05rem; margin: 8px 0 14px; }
        details.reason summary { cursor: pointer; }
        details.reason p { color: var(--muted); font-size: 0.92rem; }
        .chart-box { margin: 0 0 14px; max-width: 680px; }
        .chart { display: block; width: 100%; height: auto; font: 12px system-ui, sans-serif; fill: var(--ink); }
        .chart .row-label, .chart .tick, .chart .gap-label { fill: var(--muted); }
        .chart .row-label { fill: var(--ink); }
        .chart .axis { stroke: var(--muted); stroke-width: 1; }
        .chart line.s1, .chart line.s2, .chart line.s3, .chart line.s4, .chart line.s5, .chart line.s6, .chart line.sn { stroke-width: 4; stroke-linecap: round; }
        .chart line.cap { stroke-width: 2; }
        .chart .dashed { stroke-dasharray: 5 4; fill-opacity: 0.4; }
        .chart .s1 { stroke: #2e6fd0; fill: #2e6fd0; } .chart .s2 { stroke: #d0632e; fill: #d0632e; }
        .chart .s3 { stroke: #2e9d5a; fill: #2e9d5a; } .chart .s4 { stroke: #9b3fc0; fill: #9b3fc0; }
        .chart .s5 { stroke: #b8860b; fill: #b8860b; } .chart .s6 { stroke: #3aa6b9; fill: #3aa6b9; }
        .chart .sn { stroke: var(--muted); fill: var(--muted); }
        .chart .gap { stroke: var(--conflict); stroke-width: 1; stroke-dasharray: 3 3; opacity: 0.7; }
        .chart .hatch { stroke: var(--conflict); stroke-width: 2; opacity: 0.35; }
        .chart .gap-label { fill: var(--conflict); font-weight: 600; }
        .chart .step { stroke-width: 3; }
        .chart .step.update { stroke: var(--agreement); }
        .chart .step.contradiction { stroke: var(--conflict); stroke-dasharray: 6 3; }
        .chart .reading { fill: var(--ink); }
        .chart .range, .chart .open-end { stroke: var(--ink); stroke-width: 2; fill: none; }
        .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; }
        .sides:not(.versus) .side { display: contents; }
        .side h3 { margin: 0; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--conflict); }
        .versus .side { display: flex; flex-direction: column; gap: 12px; padding: 10px; border-radius: 8px;
                        background: color-mix(in srgb, var(--conflict) 6%, transparent); }
        .claim { margin: 0; padding: 12px 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--card);
                 display: flex; flex-direction: column; gap: 6px; }
        .claim .figure { font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        blockquote { margin: 0; color: var(--ink); font-family: Georgia, "Times New Roman", serif; font-size: 1rem; }
        blockquote::before { content: "“"; color: var(--muted); }
        blockquote::after { content: "”"; color: var(--muted); }
        mark { background: var(--mark); color: var(--mark-ink); padding: 0 2px; border-radius: 3px; font-weight: 600; }
        figcaption { font-size: 0.88rem; color: var(--muted); }
        .speaker { color: var(--ink); font-weight: 600; }
        .speaker.none { color: var(--muted); font-weight: 400; font-style: italic; }
        .source::before { content: "— "; }
        .details { display: block; overflow-wrap: anywhere; }
        .details time { white-space: nowrap; }
        .source .outlet, .source a { color: var(--ink); }
        a { color: inherit; text-decoration-color: var(--muted); }
        code { font-size: 0.85em; }
        .empty { padding: 24px; text-align: center; color: var(--muted); }
        section h2 { font-size: 1.1rem; margin: 30px 0 10px; }
        table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
        th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; font-size: 0.92rem; }
        th { color: var(--muted); font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        footer { margin-top: 30px; color: var(--muted); font-size: 0.85rem; }
        [hidden] { display: none !important; }
        @media print { #filters { display: none; } .finding { break-inside: avoid; } }
        """

    /// Filters: checkboxes per verdict and kind; the initial state may come from `?verdict=…&kind=…`.
    static let script = """
        (function () {
          var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
          var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
          var params = new URLSearchParams(location.search);
          ["verdict", "kind"].forEach(function (key) {
            var wanted = [];
            params.getAll(key).forEach(function (v) { wanted = wanted.concat(v.split(",")); });
            if (wanted.length) boxes.forEach(function (b) { if (b.dataset.filter === key) b.checked = wanted.indexOf(b.value) >= 0; });
          });
          function apply() {
            var on = { verdict: {}, kind: {} };
            boxes.forEach(function (b) { if (b.checked) on[b.dataset.filter][b.value] = true; });
            var shown = 0;
            findings.forEach(function (f) {
              var visible = !!on.verdict[f.dataset.verdict] && !!on.kind[f.dataset.kind];
              f.hidden = !visible;
              if (visible) shown++;
            });
            var counter = document.getElementById("shown");
            if (counter) counter.textContent = String(shown);
            var none = document.getElementById("none");
            if (none) none.hidden = shown !== 0;
          }
          boxes.forEach(function (b) { b.addEventListener("change", apply); });
          var reset = document.getElementById("reset");
          if (reset) reset.addEventListener("click", function () { boxes.forEach(function (b) { b.checked = true; }); apply(); });
          apply();
        })();
        """
}
