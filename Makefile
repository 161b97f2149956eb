# Kompass build targets.
#   make dist    the widget in dist/kompass/ (kompass.js is the entry point)
#   make wasm    only dist/kompass/kompass.wasm
#   make serve   make dist, then the demo page on http://127.0.0.1:8080/
#   make size    kompass.wasm raw/gzip/brotli beside a bare syscall/js and a dom/v2 hello-world (fails over budget)

GO       ?= go
DIST     := dist/kompass
GOROOT   := $(shell $(GO) env GOROOT)
ADDR     ?= 127.0.0.1:8080

.PHONY: dist wasm serve size

wasm:
	@mkdir -p $(DIST)
	GO=$(GO) ./scripts/build-wasm $(DIST)/kompass.wasm ./wasm/cmd/kompass

dist: wasm
	cp $(GOROOT)/lib/wasm/wasm_exec.js $(DIST)/wasm_exec.js
	cp wasm/kompass.css $(DIST)/kompass.css
	@v=$$(cat $(DIST)/kompass.wasm $(DIST)/wasm_exec.js $(DIST)/kompass.css | sha256sum | cut -c1-12); \
	sed "s/^const VERSION = \"dev\";/const VERSION = \"$$v\";/" wasm/kompass.js > $(DIST)/kompass.js; \
	grep -q "const VERSION = \"$$v\";" $(DIST)/kompass.js || { echo "dist: could not set VERSION in kompass.js" >&2; exit 1; }; \
	echo "dist: version $$v"
	@for f in kompass.wasm kompass.js wasm_exec.js kompass.css; do \
		gzip -9 -n -c $(DIST)/$$f > $(DIST)/$$f.gz; \
		if command -v brotli >/dev/null; then brotli -q 11 -f -o $(DIST)/$$f.br $(DIST)/$$f; \
		else rm -f $(DIST)/$$f.br; echo "dist: brotli not installed, no .br files (apt-get install brotli)" >&2; fi; \
	done
	@ls -l $(DIST)

serve: dist
	$(GO) run ./cmd/kompass serve --addr $(ADDR) --dist $(DIST)

size:
	./scripts/size-report
