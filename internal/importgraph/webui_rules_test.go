package importgraph

// The officer's web UI renders pages and reads QR codes; it is handed its
// store, so it links no database driver.
func init() {
	forbidden["registry/httpapi/webui"] = join(drivers, validator)
}
