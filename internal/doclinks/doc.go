// Package doclinks holds a test, and nothing else, that checks the doc
// comments of every package of the module: each doc link (in square
// brackets: a name, a type and method, a package and name) must name
// something that exists, so must a type and method written without
// brackets, and a comment must not send the reader to a file path outside
// the module. Run it with go test ./internal/doclinks.
package doclinks
