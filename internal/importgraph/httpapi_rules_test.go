package importgraph

// The JSON API renders a stored document's PDF on demand (registry/render,
// GET /api/v1/documents/{type}/{number}/pdf), so it links the renderers and
// what they draw with; it is handed its store, so it links no database driver.
func init() {
	forbidden["registry/httpapi"] = join(drivers)
}
