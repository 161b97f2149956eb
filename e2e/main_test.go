package e2e

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// env is what TestMain prepares once for every test and benchmark.
var env struct {
	root     string // the repository root
	tmp      string // the temporary folder TestMain removes at the end
	dist     string // the built widget (what `make dist` writes, without .gz/.br)
	hello    string // hello.wasm, the bare syscall/js program, and domhello.wasm, the dom/v2 one
	kompass  string // the kompass binary
	chromium string
	axe      string // axe.min.js's source

	site    *site  // test pages and data, served under the demo page's CSP
	demoURL string // `kompass serve`, the demo page
	demoErr error  // why there is no demo page (the kompass binary did not build)

	browser context.Context // the one Chromium; tests open tabs in it
}

// installHint is what to do when a tool the tests need is missing.
const installHint = "run ./scripts/test, it installs chromium and the npm packages (npm ci)"

func TestMain(m *testing.M) {
	code, err := runMain(m)
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		code = 1
	}
	os.Exit(code)
}

func runMain(m *testing.M) (int, error) {
	var err error
	if env.root, err = filepath.Abs(".."); err != nil {
		return 1, err
	}
	if _, err := os.Stat(filepath.Join(env.root, "go.mod")); err != nil {
		return 1, fmt.Errorf("the e2e tests run from <repo>/e2e: %w", err)
	}
	if env.chromium, err = findChromium(); err != nil {
		return 1, err
	}
	axe, err := os.ReadFile(filepath.Join(env.root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return 1, fmt.Errorf("axe-core is not installed (%v): %s", err, installHint)
	}
	env.axe = string(axe)
	if env.tmp, err = os.MkdirTemp("", "kompass-e2e-"); err != nil {
		return 1, err
	}
	defer os.RemoveAll(env.tmp)
	env.dist = filepath.Join(env.tmp, "dist", "kompass")
	env.hello = filepath.Join(env.tmp, "hello")
	env.kompass = filepath.Join(env.tmp, "bin", "kompass")
	if err := buildAll(); err != nil {
		return 1, err
	}
	if env.site, err = newSite(); err != nil {
		return 1, err
	}
	defer env.site.Close()
	if env.demoErr == nil {
		stopDemo, err := startDemo()
		if err != nil {
			return 1, err
		}
		defer stopDemo()
	}
	stopBrowser, err := startBrowser()
	if err != nil {
		return 1, err
	}
	defer stopBrowser()
	return m.Run(), nil
}

// findChromium returns $CHROMIUM, /usr/bin/chromium or a chromium on $PATH.
func findChromium() (string, error) {
	for _, c := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium"} {
		if c == "" {
			continue
		}
		if _, err := os.Stat(c); err == nil {
			return c, nil
		}
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found (/usr/bin/chromium, $CHROMIUM): " + installHint)
}

// buildAll builds the widget the way `make dist` does, the hello-world
// program and the kompass binary, in parallel. A kompass binary that does
// not build fails only the tests of the demo page (env.demoErr).
func buildAll() error {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("go not on $PATH: %w", err)
	}
	for _, d := range []string{env.dist, env.hello, filepath.Dir(env.kompass)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	buildWasm := filepath.Join(env.root, "scripts", "build-wasm") // as make dist, for the floors too
	builds := [][]string{
		{buildWasm, filepath.Join(env.dist, "kompass.wasm"), "./wasm/cmd/kompass"},
		{buildWasm, filepath.Join(env.hello, "hello.wasm"), "./e2e/testdata/hello"},
		{buildWasm, filepath.Join(env.hello, "domhello.wasm"), "./e2e/testdata/domhello"},
		{goBin, "build", "-o", env.kompass, "./cmd/kompass"},
	}
	errs := make([]error, len(builds))
	var wg sync.WaitGroup
	for i, args := range builds {
		wg.Go(func() {
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Dir = env.root
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, out)
			}
		})
	}
	wg.Wait()
	env.demoErr, errs[3] = errs[3], nil
	if err := errors.Join(errs...); err != nil {
		return err
	}
	goroot, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	wasmExec, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	css, err := os.ReadFile(filepath.Join(env.root, "wasm", "kompass.css"))
	if err != nil {
		return err
	}
	js, err := os.ReadFile(filepath.Join(env.root, "wasm", "kompass.js"))
	if err != nil {
		return err
	}
	wasm, err := os.ReadFile(filepath.Join(env.dist, "kompass.wasm"))
	if err != nil {
		return err
	}
	// As `make dist`: kompass.js carries a fingerprint of the other files.
	sum := sha256.Sum256(bytes.Join([][]byte{wasm, wasmExec, css}, nil))
	const dev = `const VERSION = "dev";`
	if !bytes.Contains(js, []byte(dev)) {
		return fmt.Errorf("wasm/kompass.js has no line %s", dev)
	}
	js = bytes.Replace(js, []byte(dev), []byte(`const VERSION = "`+hex.EncodeToString(sum[:])[:12]+`";`), 1)
	for name, b := range map[string][]byte{"wasm_exec.js": wasmExec, "kompass.css": css, "kompass.js": js} {
		if err := os.WriteFile(filepath.Join(env.dist, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// freeAddr returns a free 127.0.0.1 address.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// startDemo starts `kompass serve` with the built widget and waits until it answers.
func startDemo() (stop func(), err error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	cmd := exec.Command(env.kompass, "serve", "--addr", addr, "--dist", env.dist)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stop = func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}
	env.demoURL = "http://" + addr
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(env.demoURL + "/")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return stop, nil
		}
	}
	stop()
	return nil, fmt.Errorf("kompass serve --addr %s did not answer:\n%s", addr, out.String())
}

// startBrowser starts the one Chromium all tests share.
func startBrowser() (stop func(), err error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(env.chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(filepath.Join(env.tmp, "profile")),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(browser); err != nil { // starts Chromium
		cancelBrowser()
		cancelAlloc()
		return nil, fmt.Errorf("starting %s: %v (%s)", env.chromium, err, installHint)
	}
	env.browser = browser
	return func() { cancelBrowser(); cancelAlloc() }, nil
}

// demo returns the URL of the demo page, or fails t when kompass serve is not running.
func demo(t testing.TB) string {
	t.Helper()
	if env.demoErr != nil {
		t.Fatalf("no demo page: %v", env.demoErr)
	}
	return env.demoURL + "/"
}
