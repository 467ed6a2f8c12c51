// Package chart draws a [coverage.Report] as a bar chart: coverage per
// region against dashed target lines, values below their target in red, as
// SVG ([WriteSVG]) or PNG ([WritePNG]), with the embedded Go fonts. It is
// apart from package coverage so that computing a percent does not link
// fonts or images.
package chart
