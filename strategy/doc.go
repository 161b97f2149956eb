// Package strategy models a public administration's digital-transformation
// strategy: a vision, guiding maxims, and focus areas with strategic goals,
// as in Canton Basel-Landschaft's "Strategie digitale Transformation" (2026).
//
// It also holds Kompass's shared vocabulary: multilingual Text with a German
// fallback, Date of year, month or day precision, and ID.
//
// Decode reads a strategy file (checking its bytes, decoding strictly and
// running Validate); the schema package adds full JSON Schema validation.
package strategy
