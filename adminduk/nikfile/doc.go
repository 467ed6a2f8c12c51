// Package nikfile validates files of NIKs in bulk: one NIK per line, or one
// column of a CSV file, checked on all cores at tens of millions of lines a
// second without allocating per line.
//
// It is a separate package so that a program that only parses NIKs with
// [github.com/adminduk-id/adminduk/adminduk] does not link it.
//
// # Input
//
// [Validate] reads an [io.Reader] (a pipe, standard input); [ValidateAt]
// reads an [io.ReaderAt] of known size (a regular file) and reports
// [ErrFileChanged] if the file shrinks or grows while it is read, instead of
// validating a torn prefix. The input is read in chunks with ordinary reads;
// it is never memory-mapped, so truncating a file under a running validation
// cannot crash the program.
//
// Lines end in "\n" or "\r\n". A UTF-8 byte order mark at the start of the
// input is skipped. Blank lines (empty once the line ending is removed) are
// skipped and counted in [Stats.Blank], whether or not a CSV column is
// selected. With [Options.Header] the first line is skipped uncounted.
//
// # CSV columns
//
// With [Options.Column] set, the NIK is read from that field (1-based) of
// each line, split as RFC 4180 says: a field that starts with a double quote
// runs to its closing quote, a doubled quote ("") inside it stands for one
// quote, and commas inside it are data. Spaces around a field are trimmed.
// A record never spans lines: a quoted field with a line break in it is
// reported with [CauseBadQuoting].
//
// # Results
//
// Each invalid line is passed to a callback as an [Invalid], in input order,
// on the goroutine that called [Validate]. [Invalid.AppendMasked] renders its
// input safe for a terminal or a log: the middle of a NIK is hidden, and
// control characters and invalid UTF-8 are replaced.
package nikfile
