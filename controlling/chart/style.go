package chart

import "github.com/bl-digital/kompass/controlling"

// Default colours: presentation attributes on every mark, so a chart reads
// right where no stylesheet reaches it (the html fragment inside a foreign
// page); the same palette as the widget's kompass.css. Each mark meets 3:1
// against white and against the track (WCAG 1.4.11); text meets 4.5:1.
// The ratios against white are noted; TestContrast checks them.
const (
	colText    = "#1a1a1a" // 17.4:1
	colMuted   = "#505a64" // 7.0:1: axes, plan lines, track outlines
	colTrack   = "#e8ebef" // the empty part of a bar, outlined by colMuted
	colAccent  = "#1d5c96" // 7.0:1: progress, spent, actuals
	colLate    = "#b3261e" // 6.5:1
	colAtRisk  = "#8a5a00" // 5.9:1
	colOnTrack = "#1e6b34" // 6.6:1
	colNotYet  = "#5b6470" // 6.0:1
	colDone    = "#2f4f7f" // 8.3:1
	colPaper   = "#ffffff" // pattern marks and gaps between segments
)

// statusStyle is how a schedule status is drawn: its colour, and the
// pattern laid over it so that colour is never the only carrier.
var statusStyle = map[controlling.ScheduleStatus]struct{ class, colour, pattern string }{
	controlling.Late:       {"kc-late", colLate, "hatch"},
	controlling.AtRisk:     {"kc-at-risk", colAtRisk, "dots"},
	controlling.OnTrack:    {"kc-on-track", colOnTrack, ""},
	controlling.NotStarted: {"kc-not-started", colNotYet, "lines"},
	controlling.Done:       {"kc-done", colDone, "grid"},
}

// pattern returns the <pattern> of kind (hatch, dots, lines, grid) with
// the given id: white marks on a transparent ground, laid over a coloured
// rect, so that CSS may recolour the rect and the pattern still shows.
func pattern(id, kind string) *Node {
	p := el("pattern", a("id", id, "class", "kc-pattern", "patternUnits", "userSpaceOnUse", "width", "6", "height", "6"))
	mark := func(n *Node) *Node {
		n.Attrs = append(n.Attrs, Attr{"class", "kc-pat-mark"}, Attr{"stroke", colPaper}, Attr{"fill", colPaper})
		return n
	}
	switch kind {
	case "hatch":
		p.Attrs = append(p.Attrs, Attr{"patternTransform", "rotate(45)"})
		p.add(mark(el("rect", a("x", "0", "y", "0", "width", "2", "height", "6", "stroke-width", "0"))))
	case "dots":
		p.add(mark(el("circle", a("cx", "3", "cy", "3", "r", "1.3", "stroke-width", "0"))))
	case "lines":
		p.add(mark(el("rect", a("x", "0", "y", "2", "width", "6", "height", "1.5", "stroke-width", "0"))))
	case "grid":
		p.Attrs = append(p.Attrs, Attr{"patternTransform", "rotate(45)"})
		p.add(mark(el("rect", a("x", "0", "y", "0", "width", "1", "height", "6", "stroke-width", "0"))),
			mark(el("rect", a("x", "0", "y", "0", "width", "6", "height", "1", "stroke-width", "0"))))
	}
	return p
}

// CSS styles the charts' classes: add it to a page's or a shadow root's
// stylesheet. Colours come from the widget's custom properties where it
// has them (--kompass-accent, --kompass-text, ...), with the charts'
// defaults as fallbacks; forced-colours mode draws marks in system
// colours with the patterns kept; print keeps colours and never splits a
// chart across pages.
const CSS = `.kc{margin:.75rem 0 1.25rem;padding:0;max-width:48rem;color:var(--kompass-text,#1a1a1a)}
.kc-caption{font-weight:600;margin:0 0 .35rem}
.kc-svg{display:block;width:100%;overflow:visible}
.kc-svg text{fill:currentColor;font-family:inherit}
.kc-svg .kc-muted-text{fill:var(--kompass-muted,#505a64)}
.kc-late{fill:var(--kompass-late,#b3261e)}
.kc-at-risk{fill:var(--kompass-at-risk,#8a5a00)}
.kc-on-track{fill:var(--kompass-on-track,#1e6b34)}
.kc-not-started{fill:var(--kompass-not-started,#5b6470)}
.kc-done{fill:var(--kompass-done,#2f4f7f)}
.kc-seg{stroke:var(--kompass-bg,#fff)}
.kc-pat-mark{fill:var(--kompass-bg,#fff);stroke:var(--kompass-bg,#fff)}
.kc-track{fill:var(--kompass-track,#e8ebef);stroke:var(--kompass-muted,#505a64)}
.kc-bar{fill:var(--kompass-accent,#1d5c96)}
.kc-cancelled{fill:var(--kompass-muted,#505a64)}
.kc-mark{stroke:currentColor}
.kc-plan{stroke:var(--kompass-muted,#505a64);fill:none}
.kc-line{stroke:var(--kompass-accent,#1d5c96);fill:none}
.kc-dot{fill:var(--kompass-accent,#1d5c96)}
.kc-ring{fill:var(--kompass-bg,#fff);stroke:currentColor}
.kc-rule{stroke:var(--kompass-muted,#505a64)}
.kc-svg .kc-halo{stroke:var(--kompass-bg,#fff)}
.kc-legend{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.35rem 0;padding:0;font-size:.875rem}
.kc-legend li{display:flex;align-items:center;gap:.35rem;margin:0}
.kc-swatch{flex:none;display:inline-block;vertical-align:middle}
.kc-data{margin:.25rem 0;font-size:.875rem}
.kc-data summary{cursor:pointer;width:max-content;max-width:100%}
.kc-data table{border-collapse:collapse;margin:.35rem 0;width:auto}
.kc-data caption{text-align:left;font-weight:600}
.kc-data th,.kc-data td{padding:.2rem .5rem;border-bottom:1px solid var(--kompass-border,#d0d0d0);text-align:left}
.kc-data td.kc-n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
@media (forced-colors:active){
.kc-late,.kc-at-risk,.kc-on-track,.kc-not-started,.kc-done,.kc-bar,.kc-dot,.kc-cancelled{fill:CanvasText}
.kc-seg{stroke:Canvas}
.kc-pat-mark{fill:Canvas;stroke:Canvas}
.kc-track,.kc-ring{fill:Canvas;stroke:CanvasText}
.kc-mark,.kc-plan,.kc-rule{stroke:CanvasText}
.kc-line{stroke:Highlight}
.kc-svg text,.kc-svg .kc-muted-text{fill:CanvasText}
.kc-svg .kc-halo{stroke:Canvas}
}
@media print{
.kc{break-inside:avoid;print-color-adjust:exact;-webkit-print-color-adjust:exact;max-width:none}
.kc-data{display:none}
}
`
