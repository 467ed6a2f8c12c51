// Package pdftest writes small PDFs by hand for tests: hostile shapes that
// no generator would write (hidden objects, shared huge streams, absurd
// page sizes, deep forms), with a correct cross-reference table so that
// poppler reads them as written.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
)

// Doc is a PDF being written: objects numbered from 1 in the order added.
type Doc struct {
	objs [][]byte
}

// Reserve returns the number of an object set later with Set.
func (d *Doc) Reserve() int {
	d.objs = append(d.objs, nil)
	return len(d.objs)
}

// Set gives object num its body (what goes between "obj" and "endobj").
func (d *Doc) Set(num int, body string) { d.objs[num-1] = []byte(body) }

// Add adds an object and returns its number.
func (d *Doc) Add(body string) int {
	n := d.Reserve()
	d.Set(n, body)
	return n
}

// AddStream adds a stream object; dict is the dictionary without
// << >> and without /Length.
func (d *Doc) AddStream(dict string, data []byte) int {
	n := d.Reserve()
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< %s /Length %d >>\nstream\n", dict, len(data))
	b.Write(data)
	b.WriteString("\nendstream")
	d.objs[n-1] = b.Bytes()
	return n
}

// Flate compresses data with zlib.
func Flate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// AddGray adds an 8-bit DeviceGray Flate image XObject.
func (d *Doc) AddGray(img *image.Gray) int {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	raw := make([]byte, 0, w*h)
	for y := range h {
		raw = append(raw, img.Pix[y*img.Stride:y*img.Stride+w]...)
	}
	return d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", w, h), Flate(raw))
}

// AddPage adds a page of the given size in points whose content draws
// each named XObject (name -> object number) over the square (x, y, side).
type Draw struct {
	Name    string
	Obj     int
	X, Y, S float64
}

// Pages writes a page tree: the Pages node and one page per entry, each
// page drawing its XObjects; it returns the catalog's object number.
func (d *Doc) Pages(w, h float64, pages [][]Draw) int {
	root := d.Reserve()
	var kids bytes.Buffer
	for _, draws := range pages {
		var content, res bytes.Buffer
		for _, dr := range draws {
			fmt.Fprintf(&content, "q %g 0 0 %g %g %g cm /%s Do Q\n", dr.S, dr.S, dr.X, dr.Y, dr.Name)
			fmt.Fprintf(&res, "/%s %d 0 R ", dr.Name, dr.Obj)
		}
		c := d.AddStream("/Filter /FlateDecode", Flate(content.Bytes()))
		p := d.Add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R /Resources << /XObject << %s>> >> >>", root, c, res.String()))
		fmt.Fprintf(&kids, "%d 0 R ", p)
	}
	d.Set(root, fmt.Sprintf("<< /Type /Pages /Kids [ %s] /Count %d /MediaBox [0 0 %g %g] >>", kids.String(), len(pages), w, h))
	return d.Add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", root))
}

// Bytes writes the file with catalog as its root.
func (d *Doc) Bytes(catalog int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(d.objs))
	for i, o := range d.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		if o == nil {
			o = []byte("null")
		}
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, catalog, xref)
	return b.Bytes()
}
