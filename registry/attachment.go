package registry

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// MaxAttachmentSize is the largest attachment the registry keeps: a scan
// of a few A4 pages.
const MaxAttachmentSize = 10 << 20

// Media types of attachments.
const (
	MediaPDF  = "application/pdf"
	MediaJPEG = "image/jpeg"
	MediaPNG  = "image/png"
)

// ErrUnsupportedMedia: an attachment that is not a PDF, JPEG or PNG by its
// content, or whose content is not what its declared type says. It unwraps
// to adminduk.ErrInvalid.
var ErrUnsupportedMedia = adminduk.Sentinel("registry: unsupported media", adminduk.ErrInvalid)

// MediaError reports an attachment refused for its content.
type MediaError struct {
	Declared string // the type the caller claimed; "" when none
	Sniffed  string // what the content is; "" when none of the accepted types
}

func (e *MediaError) Error() string {
	if e.Sniffed == "" {
		return fmt.Sprintf("registry: attachment claimed as %q is not a PDF, JPEG or PNG", e.Declared)
	}
	return fmt.Sprintf("registry: attachment claimed as %q is a %s", e.Declared, e.Sniffed)
}

// Unwrap returns [ErrUnsupportedMedia].
func (e *MediaError) Unwrap() error { return ErrUnsupportedMedia }

// AttachmentFile is a scanned document stored with a report: a PDF, JPEG or
// PNG, by its content.
type AttachmentFile struct {
	Office    wilayah.Code   `json:"-"`
	ReportID  string         `json:"report_id"`
	Seq       int            `json:"seq"`
	Kind      AttachmentKind `json:"kind"`
	MediaType string         `json:"media_type"`
	Size      int            `json:"size"`
	SHA256    string         `json:"sha256"` // hex
	Data      []byte         `json:"-"`
	CreatedAt time.Time      `json:"created_at"`
	CreatedBy string         `json:"created_by"`
}

// SniffMedia returns the media type of data by its content: a PDF (a
// "%PDF-" header and an "%%EOF" marker at the end), a JPEG (SOI marker at
// the start, EOI at the end) or a PNG (its signature and an IHDR chunk), or
// "" for anything else.
func SniffMedia(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		tail := data[max(0, len(data)-1024):]
		if bytes.Contains(tail, []byte("%%EOF")) {
			return MediaPDF
		}
	case len(data) >= 4 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF:
		end := bytes.TrimRight(data, "\x00\r\n ")
		if len(end) >= 2 && end[len(end)-2] == 0xFF && end[len(end)-1] == 0xD9 {
			return MediaJPEG
		}
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) && len(data) >= 33:
		if binary.BigEndian.Uint32(data[8:12]) == 13 && string(data[12:16]) == "IHDR" {
			return MediaPNG
		}
	}
	return ""
}

// Attach stores a scanned document with a report, refusing content that is
// not a PDF, JPEG or PNG or not of the declared media type (a *[MediaError];
// declared "" or "application/octet-stream" accepts what the content is), an
// empty or too large file and an unknown kind (a
// *[adminduk.ValidationError]). Attachments are accepted until the report
// is registered or closed; later it is ErrConflict.
func (s *Service) Attach(ctx context.Context, office wilayah.Code, reportID, actor string, kind AttachmentKind, declared string, data []byte) (AttachmentFile, error) {
	c := adminduk.Checker{What: "registry: invalid attachment"}
	if !kind.IsValid() {
		c.AddCode(adminduk.NewPointer("kind"), adminduk.CodeInvalid, "jenis lampiran tidak dikenal", fmt.Sprintf("unknown attachment kind %q", string(kind)))
	}
	if strings.TrimSpace(actor) == "" {
		c.Required(adminduk.NewPointer("actor"))
	}
	switch {
	case len(data) == 0:
		c.Required(adminduk.NewPointer("file"))
	case len(data) > MaxAttachmentSize:
		c.AddCode(adminduk.NewPointer("file"), adminduk.CodeRange, "berkas lebih dari 10 MiB", "the file is larger than 10 MiB")
	}
	if err := c.Err(); err != nil {
		return AttachmentFile{}, err
	}
	sniffed := SniffMedia(data)
	declared = strings.ToLower(strings.TrimSpace(strings.Split(declared, ";")[0]))
	if sniffed == "" || (declared != "" && declared != "application/octet-stream" && declared != sniffed) {
		return AttachmentFile{}, &MediaError{Declared: declared, Sniffed: sniffed}
	}
	r, err := s.report(ctx, office, reportID)
	if err != nil {
		return AttachmentFile{}, err
	}
	switch r.Status {
	case StatusNotified, StatusReturned, StatusVerified:
	default:
		return AttachmentFile{}, fmt.Errorf("registry: report %q is %s: no more attachments: %w", reportID, r.Status, ErrConflict)
	}
	now, _ := s.clock()
	sum := sha256.Sum256(data)
	a := AttachmentFile{Office: office, ReportID: reportID, Kind: kind, MediaType: sniffed, Size: len(data),
		SHA256: hex.EncodeToString(sum[:]), Data: data, CreatedAt: now, CreatedBy: actor}
	if err := s.store.AddAttachment(ctx, &a); err != nil {
		return AttachmentFile{}, err
	}
	return a, nil
}

// Attachments returns the attachments of a report, with their contents
// when withData.
func (s *Service) Attachments(ctx context.Context, office wilayah.Code, reportID string, withData bool) ([]AttachmentFile, error) {
	return s.store.Attachments(ctx, office, reportID, withData)
}
