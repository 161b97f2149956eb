package explorer

// ResetCaches empties the cache of built nodes (charts, the summary,
// cards), as a page that has just loaded has it, for benchmarks of a first
// render.
func ResetCaches() {
	chartCache.Lock()
	clear(chartCache.m)
	chartCache.Unlock()
}

// WarmStates are the states Widget.Warm builds (warmStates).
var WarmStates = warmStates

// LoadFirst is the load of a widget's first render (loadFirst).
var LoadFirst = loadFirst
