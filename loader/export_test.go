package loader

// SetMaxFileSize lowers the per-file size limit for a test and returns a
// function that restores it.
func SetMaxFileSize(n int64) (restore func()) {
	old := maxFileSize
	maxFileSize = n
	return func() { maxFileSize = old }
}
