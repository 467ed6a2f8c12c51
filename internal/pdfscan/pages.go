package pdfscan

import (
	"context"
	"fmt"
	"math"
)

// Scan reads the page tree of a PDF and returns its pages with the
// greyscale images each draws. ctx is checked between pages.
func Scan(ctx context.Context, data []byte, lim Limits) ([]Page, error) {
	if !isPDF(data) {
		return nil, ErrNotPDF
	}
	lim = lim.withDefaults()
	f := index(data, lim)
	if f.pdfErr != nil {
		return nil, f.pdfErr
	}
	cat := f.dictOf(f.root)
	if cat == nil {
		return nil, ErrNoPageTree
	}
	w := &walker{f: f, ctx: ctx, images: map[int]*imageResult{}, contents: map[int][]name{}}
	if err := w.node(cat["Pages"], nil, nil, 0, map[int]bool{}); err != nil {
		return nil, err
	}
	if len(w.pages) == 0 {
		return nil, ErrNoPageTree
	}
	return w.pages, nil
}

// isPDF reports whether the header "%PDF-" is in the first 1024 bytes, as
// readers accept it.
func isPDF(data []byte) bool {
	head := data[:min(len(data), 1024)]
	for i := 0; i+5 <= len(head); i++ {
		if string(head[i:i+5]) == "%PDF-" {
			return true
		}
	}
	return false
}

type imageResult struct {
	img *Image
	ok  bool
}

type walker struct {
	f        *file
	ctx      context.Context
	pages    []Page
	images   map[int]*imageResult
	contents map[int][]name // XObject names drawn by a content stream object
	visits   int            // XObjects looked at, over all pages and forms
}

// maxVisits bounds the XObjects looked at in a document: forms that draw
// forms twice over, or a shared content naming many XObjects on many pages,
// would otherwise multiply.
const maxVisits = 1 << 20

// node visits a Pages or Page node with the attributes it inherits.
func (w *walker) node(v value, resources, mediaBox value, depth int, seen map[int]bool) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if depth > w.f.lim.MaxDepth {
		return fmt.Errorf("%w: page tree nested more than %d deep", ErrTooLarge, w.f.lim.MaxDepth)
	}
	r, isRef := v.(ref)
	if isRef {
		if seen[r.num] {
			return nil // a cycle: each node once
		}
		seen[r.num] = true
	}
	d := w.f.dictOf(v)
	if d == nil {
		return nil
	}
	if x, ok := d["Resources"]; ok {
		resources = x
	}
	if x, ok := d["MediaBox"]; ok {
		mediaBox = x
	}
	if kids, ok := w.f.resolve(d["Kids"]).([]value); ok && d["Type"] != name("Page") {
		for _, k := range kids {
			if err := w.node(k, resources, mediaBox, depth+1, seen); err != nil {
				return err
			}
		}
		return nil
	}
	if len(w.pages) >= w.f.lim.MaxPages {
		return fmt.Errorf("%w: more than %d pages", ErrTooLarge, w.f.lim.MaxPages)
	}
	p := Page{Number: len(w.pages) + 1}
	box, err := w.mediaBox(mediaBox)
	if err != nil {
		return fmt.Errorf("page %d: %w", p.Number, err)
	}
	p.MediaBox = box
	if err := w.draw(&p, d["Contents"], resources, 0, map[int]bool{}); err != nil {
		return err
	}
	w.pages = append(w.pages, p)
	return nil
}

// mediaBox checks a MediaBox: four numbers, each side above 0 and at most
// MaxPageSide points.
func (w *walker) mediaBox(v value) ([4]float64, error) {
	var box [4]float64
	a, ok := w.f.resolve(v).([]value)
	if !ok || len(a) != 4 {
		return box, fmt.Errorf("%w: no MediaBox of 4 numbers", ErrBadMediaBox)
	}
	for i, x := range a {
		switch n := w.f.resolve(x).(type) {
		case int64:
			box[i] = float64(n)
		case float64:
			box[i] = n
		default:
			return box, fmt.Errorf("%w: MediaBox member is not a number", ErrBadMediaBox)
		}
		if math.IsNaN(box[i]) || math.IsInf(box[i], 0) {
			return box, fmt.Errorf("%w: MediaBox member is not a number", ErrBadMediaBox)
		}
	}
	pw, ph := Page{MediaBox: box}.Size()
	if pw < 1 || ph < 1 || pw > MaxPageSide || ph > MaxPageSide {
		return box, fmt.Errorf("%w: %.0f x %.0f points (at most %d a side)", ErrBadMediaBox, pw, ph, MaxPageSide)
	}
	return box, nil
}

// draw adds to p the images drawn by content (a stream, or an array of
// streams forming one content) with resources, descending into forms.
func (w *walker) draw(p *Page, content, resources value, depth int, forms map[int]bool) error {
	if depth > w.f.lim.MaxDepth {
		return fmt.Errorf("%w: forms nested more than %d deep", ErrTooLarge, w.f.lim.MaxDepth)
	}
	var parts []value
	switch c := w.f.resolve(content).(type) {
	case []value:
		parts = c
	case nil:
		return nil
	default:
		parts = []value{content}
	}
	var drawn []name
	for _, part := range parts {
		names, err := w.doNames(part)
		if err != nil {
			if w.f.pdfErr != nil {
				return w.f.pdfErr
			}
			p.Unread++
			continue
		}
		drawn = append(drawn, names...)
	}
	xobjects := w.f.dictOf(w.f.dictOf(resources)["XObject"])
	for _, n := range drawn {
		if w.visits++; w.visits > maxVisits {
			return fmt.Errorf("%w: more than %d drawn objects", ErrTooLarge, maxVisits)
		}
		r, ok := xobjects[n].(ref)
		if !ok {
			continue
		}
		o := w.f.get(r.num)
		if o == nil || o.stream == nil {
			continue
		}
		d, _ := o.val.(dict)
		switch w.f.resolve(d["Subtype"]) {
		case name("Image"):
			im, err := w.image(r.num, o)
			if err != nil {
				return err
			}
			if im == nil {
				p.Unread++
				continue
			}
			if !hasImage(p, r.num) {
				p.Images = append(p.Images, *im)
			}
		case name("Form"):
			if forms[r.num] {
				continue // a form drawing itself
			}
			forms[r.num] = true
			res := resources
			if x, ok := d["Resources"]; ok {
				res = x
			}
			if err := w.draw(p, r, res, depth+1, forms); err != nil {
				return err
			}
			delete(forms, r.num)
		}
	}
	return nil
}

func hasImage(p *Page, obj int) bool {
	for _, im := range p.Images {
		if im.Obj == obj {
			return true
		}
	}
	return false
}

// doNames returns the XObject names a content stream draws with Do.
func (w *walker) doNames(v value) ([]name, error) {
	r, ok := v.(ref)
	if !ok {
		return nil, fmt.Errorf("pdfscan: content is not a stream reference")
	}
	if names, ok := w.contents[r.num]; ok {
		return names, nil
	}
	o := w.f.get(r.num)
	if o == nil || o.stream == nil {
		return nil, fmt.Errorf("pdfscan: content stream %d missing", r.num)
	}
	data, err := w.f.inflate(o, -1)
	if err != nil {
		return nil, err
	}
	names, err := drawnNames(data)
	if err != nil {
		return nil, err
	}
	w.contents[r.num] = names
	return names, nil
}

// drawnNames tokenises a content stream and returns the operands of Do.
func drawnNames(data []byte) ([]name, error) {
	l := &lexer{data: data}
	var names []name
	seen := map[name]bool{}
	var last value
	for {
		l.skip()
		if l.pos >= len(data) {
			return names, nil
		}
		v, err := l.next(0)
		if err != nil {
			return names, err
		}
		switch v {
		case keyword("Do"):
			if n, ok := last.(name); ok && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		case keyword("ID"): // inline image data, up to EI
			end := indexEI(data, l.pos)
			if end < 0 {
				return names, nil
			}
			l.pos = end
		}
		last = v
	}
}

// indexEI finds the "EI" operator that ends inline image data.
func indexEI(data []byte, from int) int {
	for i := from; i+2 <= len(data); i++ {
		if data[i] == 'E' && data[i+1] == 'I' && i > 0 && isSpace(data[i-1]) && (i+2 == len(data) || isSpace(data[i+2]) || isDelim(data[i+2])) {
			return i + 2
		}
	}
	return -1
}
