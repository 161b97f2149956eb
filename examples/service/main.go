// Command service is an example HTTP service built on the Kompass packages,
// as another team would write it: it validates strategy and portfolio files
// and renders controlling reports. The handler is in package api.
//
// Usage:
//
//	go run ./examples/service [-addr 127.0.0.1:8081] [-strategy FILE]
//
//	curl -s localhost:8081/healthz
//	curl -s -H 'Content-Type: application/json' --data-binary @examples/bl/portfolio.json localhost:8081/validate
//	curl -s -H 'Content-Type: application/json' --data-binary @examples/bl/portfolio.json 'localhost:8081/report?format=html&asOf=2026-06-30'
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/bl-digital/kompass/examples/service/api"
	"github.com/bl-digital/kompass/schema"
	"github.com/bl-digital/kompass/strategy"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "address to listen on")
	strategyFile := flag.String("strategy", "", "strategy file portfolios are checked against (default: the embedded BL strategy)")
	flag.Parse()
	if err := serve(*addr, *strategyFile); err != nil {
		slog.Error("service", "err", err)
		os.Exit(1)
	}
}

func serve(addr, strategyFile string) error {
	var cfg api.Config
	if strategyFile != "" {
		s, err := loadStrategy(strategyFile)
		if err != nil {
			return err
		}
		cfg.Strategy = s
	}
	h, err := api.New(cfg)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       api.DefaultBodyTimeout + 5*time.Second, // the handler's body deadline comes first
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	slog.Info("listening", "addr", addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loadStrategy reads and validates a strategy file.
func loadStrategy(name string) (*strategy.Strategy, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	s, l := schema.ValidateStrategy(data)
	if l.HasErrors() || s == nil {
		l.SetFile(name)
		return nil, fmt.Errorf("invalid strategy:\n%w", l)
	}
	return s, nil
}
