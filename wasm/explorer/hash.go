package explorer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bl-digital/kompass/controlling"
	"github.com/bl-digital/kompass/portfolio"
	"github.com/bl-digital/kompass/strategy"
)

// The URL hash holds each widget's state as `key=value` pairs joined by `&`,
// like a query string: v (view), fa, g, f, b, o, s, q (filters), x (open tree
// nodes, comma-separated), c (1: the cancelled measures are listed) and m
// (the measure whose detail is open). Values equal to the defaults are left
// out. A widget whose element has an id prefixes its keys with "id."
// (`#a.v=measures&b.v=timeline`), so several widgets on one page keep their
// states apart; widgets without an id share the bare keys. Pairs a widget
// does not own are kept as they are.

// maxQuery bounds the free-text filter read from a hash.
const maxQuery = 200

var hashKeys = []string{"v", "fa", "g", "f", "b", "o", "s", "q", "x", "c", "m"}

// HashPrefix is the key prefix of the widget whose element has id elementID.
func HashPrefix(elementID string) string {
	if elementID == "" {
		return ""
	}
	return elementID + "."
}

// DecodeHash reads the state of the widget with key prefix prefix from a
// URL hash (with or without its leading '#'). Missing, unknown or malformed
// values fall back to Default(cfg); it never fails. A focus fixed by cfg
// cannot be changed from the hash.
func DecodeHash(hash, prefix string, cfg Config) State {
	s := Default(cfg)
	for _, kv := range splitHash(hash) {
		key, ok := strings.CutPrefix(kv.key, prefix)
		if !ok || (prefix == "" && strings.Contains(key, ".")) {
			continue
		}
		v := kv.value
		switch key {
		case "v":
			if view, ok := ParseView(v); ok {
				s.View = view
			}
		case "fa":
			if cfg.Focus == "" && strategy.ID(v).Valid() {
				s.Filter.FocusArea = strategy.ID(v)
			}
		case "g":
			if strategy.ID(v).Valid() {
				s.Filter.Goal = strategy.ID(v)
			}
		case "o":
			if strategy.ID(v).Valid() {
				s.Filter.Owner = strategy.ID(v)
			}
		case "m":
			if strategy.ID(v).Valid() {
				s.Selected = strategy.ID(v)
			}
		case "f":
			if slices.Contains(portfolio.Fields(), portfolio.Field(v)) {
				s.Filter.Field = portfolio.Field(v)
			}
		case "b":
			if slices.Contains(strategy.Beneficiaries(), strategy.Beneficiary(v)) {
				s.Filter.Beneficiary = strategy.Beneficiary(v)
			}
		case "s":
			if st := controlling.ScheduleStatus(v); slices.Contains(StatusFilters, st) {
				s.Filter.Status = st
			}
		case "q":
			s.Filter.Query = truncate(v, maxQuery)
		case "x":
			var ids []strategy.ID
			for _, id := range strings.Split(v, ",") {
				if strategy.ID(id).Valid() && !slices.Contains(ids, strategy.ID(id)) {
					ids = append(ids, strategy.ID(id))
				}
			}
			slices.Sort(ids)
			s.Expanded = ids
		case "c":
			s.Cancelled = v == "1"
		}
	}
	return s
}

// EncodeHash returns hash (with or without its '#') with the pairs of the
// widget with key prefix prefix replaced by those of s, and every other pair
// kept in its order. The result starts with '#', or is "" when empty.
func EncodeHash(hash, prefix string, s State, cfg Config) string {
	var parts []string
	for _, kv := range splitHash(hash) {
		if key, ok := strings.CutPrefix(kv.key, prefix); ok && slices.Contains(hashKeys, key) {
			continue
		}
		parts = append(parts, kv.raw)
	}
	def := Default(cfg)
	add := func(key, value, dflt string) {
		if value != dflt {
			parts = append(parts, queryEscape(prefix+key)+"="+queryEscape(value))
		}
	}
	add("v", string(s.View), string(def.View))
	if cfg.Focus == "" {
		add("fa", string(s.Filter.FocusArea), "")
	}
	add("g", string(s.Filter.Goal), "")
	add("f", string(s.Filter.Field), "")
	add("b", string(s.Filter.Beneficiary), "")
	add("o", string(s.Filter.Owner), "")
	add("s", string(s.Filter.Status), "")
	add("q", s.Filter.Query, "")
	ids := make([]string, len(s.Expanded))
	for i, id := range s.Expanded {
		ids[i] = string(id)
	}
	add("x", strings.Join(ids, ","), "")
	if s.Cancelled {
		add("c", "1", "")
	}
	add("m", string(s.Selected), "")
	if len(parts) == 0 {
		return ""
	}
	return "#" + strings.Join(parts, "&")
}

// truncate cuts s to at most n bytes without splitting a UTF-8 sequence.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

type hashPair struct{ key, value, raw string }

func splitHash(hash string) []hashPair {
	hash = strings.TrimPrefix(hash, "#")
	var out []hashPair
	for _, raw := range strings.Split(hash, "&") {
		if raw == "" {
			continue
		}
		k, v, _ := strings.Cut(raw, "=")
		key, err1 := queryUnescape(k)
		value, err2 := queryUnescape(v)
		if err1 != nil || err2 != nil {
			out = append(out, hashPair{raw: raw}) // kept, never ours
			continue
		}
		out = append(out, hashPair{key: key, value: value, raw: raw})
	}
	return out
}
