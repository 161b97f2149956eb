// Package diag is Kompass's vocabulary for problems found in users' data:
// a Problem names where (file, line, column, JSON pointer), which rule, and
// what is wrong; a List collects all problems of a run and is an error.
package diag
