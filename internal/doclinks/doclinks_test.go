package doclinks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// listed is what go list says about one package.
type listed struct {
	ImportPath string
	Name       string
	Dir        string
	Module     *struct{ Main bool }
	GoFiles    []string
	CgoFiles   []string
}

// api is the exported surface of a package: top-level names, and for each
// type its methods and fields (including promoted ones, resolved lazily) and
// what it is an alias of or embeds.
type api struct {
	names   map[string]bool
	members map[string]map[string]bool // type -> method or field
	embeds  map[string][]typeRef       // type -> embedded or aliased types
	imports map[string]string          // file-level package name -> import path
}

type typeRef struct{ pkg, name string } // pkg "" is the same package; else an import path

// checker resolves doc links against the module's packages and, on demand,
// against any other package go list can find.
type checker struct {
	t      *testing.T
	goBin  string
	root   string
	byPath map[string]*listed
	apis   map[string]*api
}

func TestDocLinksResolve(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH")
	}
	if broken := brokenLinks(t, goBin, moduleRoot(t, goBin)); len(broken) > 0 {
		t.Errorf("%d broken doc links:\n%s", len(broken), strings.Join(broken, "\n"))
	}
}

// TestCheckerFindsBrokenLinks runs the check on a small module with known
// broken links, so that a check that silently finds nothing fails.
func TestCheckerFindsBrokenLinks(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH")
	}
	root, err := filepath.Abs(filepath.Join("testdata", "broken"))
	if err != nil {
		t.Fatal(err)
	}
	got := brokenLinks(t, goBin, root)
	for i, g := range got {
		got[i] = g[strings.Index(g, ": ")+2:] // drop file:line
	}
	want := []string{
		"[Missing]",
		"[Thing.Missing]",
		"[Other.Do]",
		"[strings.NoSuchFunc]",
		"[nosuchpkg.Name]",
		"[net/netip.Nothing]",
		"Widget.Spin (not in brackets) names nothing in broken",
		"../shared/SPEC.md is not a file of the module",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("broken links found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// brokenLinks returns the broken doc links of every package of the module
// at root, as "file:line: link".
func brokenLinks(t *testing.T, goBin, root string) []string {
	c := &checker{t: t, goBin: goBin, root: root, byPath: map[string]*listed{}, apis: map[string]*api{}}
	var mods []*listed
	for _, p := range goList(t, goBin, root, "-deps", "./...") {
		c.byPath[p.ImportPath] = p
		if p.Module != nil && p.Module.Main {
			mods = append(mods, p)
		}
	}
	if len(mods) == 0 {
		t.Fatalf("go list found no package of the module at %s", root)
	}
	var broken []string
	for _, p := range mods {
		broken = append(broken, c.checkPackage(p)...)
	}
	return broken
}

func moduleRoot(t *testing.T, goBin string) string {
	out, err := exec.Command(goBin, "env", "GOMOD").Output()
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		t.Fatalf("go env GOMOD: %v", err)
	}
	return filepath.Dir(string(bytes.TrimSpace(out)))
}

func goList(t *testing.T, goBin, dir string, args ...string) []*listed {
	cmd := exec.Command(goBin, append([]string{"list", "-e", "-json"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	var ps []*listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(listed)
		if err := dec.Decode(p); err != nil {
			t.Fatalf("go list output: %v", err)
		}
		ps = append(ps, p)
	}
	return ps
}

// load parses the non-test Go files of the package at importPath and
// returns its API, or nil when go list cannot find it.
func (c *checker) load(importPath string) *api {
	if a, ok := c.apis[importPath]; ok {
		return a
	}
	p := c.byPath[importPath]
	if p == nil {
		if ps := goList(c.t, c.goBin, c.root, importPath); len(ps) == 1 && ps[0].Dir != "" {
			p = ps[0]
			c.byPath[importPath] = p
		}
	}
	if p == nil || p.Dir == "" {
		c.apis[importPath] = nil
		return nil
	}
	a := &api{names: map[string]bool{}, members: map[string]map[string]bool{}, embeds: map[string][]typeRef{}, imports: map[string]string{}}
	fset := token.NewFileSet()
	for _, name := range append(slices.Clone(p.GoFiles), p.CgoFiles...) {
		f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			c.t.Fatalf("parse %s: %v", name, err)
		}
		a.add(f, c)
	}
	c.apis[importPath] = a
	return a
}

// importName returns the name a file uses for an import spec.
func (c *checker) importName(s *ast.ImportSpec) (name, path string) {
	path = strings.Trim(s.Path.Value, `"`)
	if s.Name != nil {
		return s.Name.Name, path
	}
	if p := c.byPath[path]; p != nil && p.Name != "" {
		return p.Name, path
	}
	return path[strings.LastIndex(path, "/")+1:], path
}

func (a *api) member(typ string) map[string]bool {
	m := a.members[typ]
	if m == nil {
		m = map[string]bool{}
		a.members[typ] = m
	}
	return m
}

func (a *api) add(f *ast.File, c *checker) {
	fileImports := map[string]string{}
	for _, s := range f.Imports {
		n, p := c.importName(s)
		fileImports[n] = p
		a.imports[n] = p
	}
	ref := func(e ast.Expr) (typeRef, bool) {
		for {
			switch x := e.(type) {
			case *ast.StarExpr:
				e = x.X
				continue
			case *ast.IndexExpr:
				e = x.X
				continue
			case *ast.IndexListExpr:
				e = x.X
				continue
			case *ast.Ident:
				return typeRef{name: x.Name}, true
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok {
					return typeRef{pkg: fileImports[id.Name], name: x.Sel.Name}, fileImports[id.Name] != ""
				}
			}
			return typeRef{}, false
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				a.names[d.Name.Name] = true
				continue
			}
			if r, ok := ref(d.Recv.List[0].Type); ok {
				a.member(r.name)[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						a.names[n.Name] = true
					}
				case *ast.TypeSpec:
					a.names[s.Name.Name] = true
					m := a.member(s.Name.Name)
					if s.Assign.IsValid() { // alias: members are the target's
						if r, ok := ref(s.Type); ok {
							a.embeds[s.Name.Name] = append(a.embeds[s.Name.Name], r)
						}
						continue
					}
					var fields *ast.FieldList
					switch tt := s.Type.(type) {
					case *ast.StructType:
						fields = tt.Fields
					case *ast.InterfaceType:
						fields = tt.Methods
					}
					if fields == nil {
						continue
					}
					for _, fl := range fields.List {
						for _, n := range fl.Names {
							m[n.Name] = true
						}
						if len(fl.Names) == 0 {
							if r, ok := ref(fl.Type); ok {
								m[r.name] = true
								a.embeds[s.Name.Name] = append(a.embeds[s.Name.Name], r)
							}
						}
					}
				}
			}
		}
	}
}

// hasMember reports whether type typ of the package at path has a method
// or field name, directly, through an alias, or promoted from an embedded
// type.
func (c *checker) hasMember(path, typ, name string, depth int) bool {
	a := c.load(path)
	if a == nil || depth > 5 {
		return false
	}
	if a.members[typ][name] {
		return true
	}
	for _, r := range a.embeds[typ] {
		p := r.pkg
		if p == "" {
			p = path
		}
		if c.hasMember(p, r.name, name, depth+1) {
			return true
		}
	}
	return false
}

// resolve reports whether a doc link names something that exists. Links to
// a package without a symbol ([fmt]) count when the package is found.
func (c *checker) resolve(self string, l *comment.DocLink) bool {
	path := l.ImportPath
	if path == "" {
		path = self
	}
	if strings.HasPrefix(path, "?") {
		return false
	}
	a := c.load(path)
	if a == nil {
		return false
	}
	switch {
	case l.Name == "":
		return true
	case l.Recv == "":
		return a.names[l.Name]
	default:
		return a.names[l.Recv] && c.hasMember(path, l.Recv, l.Name, 0)
	}
}

// bareMember matches Type.Method written in prose without brackets, which
// go doc does not link but a reader follows all the same.
var bareMember = regexp.MustCompile(`(?:^|[\s(])([A-Z][A-Za-z0-9_]*)\.([A-Z][A-Za-z0-9_]*)(?:$|[\s),;:])`)

// isMemberName reports whether name is a field or method of some type of a.
func isMemberName(a *api, name string) bool {
	for _, m := range a.members {
		if m[name] {
			return true
		}
	}
	return false
}

// plainText returns the text of d outside links and code blocks.
func plainText(d *comment.Doc) string {
	var b strings.Builder
	var walk func([]comment.Text)
	walk = func(ts []comment.Text) {
		for _, t := range ts {
			switch t := t.(type) {
			case comment.Plain:
				b.WriteString(string(t))
			case *comment.Italic:
				b.WriteString(string(*t))
			}
		}
		b.WriteString("\n")
	}
	var blocks func([]comment.Block)
	blocks = func(bs []comment.Block) {
		for _, bl := range bs {
			switch bl := bl.(type) {
			case *comment.Paragraph:
				walk(bl.Text)
			case *comment.List:
				for _, it := range bl.Items {
					blocks(it.Content)
				}
			}
		}
	}
	blocks(d.Content)
	return b.String()
}

// outsidePath matches a file path in prose: a relative path with a slash
// ending in a document or source extension.
var outsidePath = regexp.MustCompile(`(?:^|[\s(])((?:\.\./|[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]+\.(?:md|txt|json|go|csv|pem|sh))\b`)

func (c *checker) checkPackage(p *listed) []string {
	self := c.load(p.ImportPath)
	fset := token.NewFileSet()
	var broken []string
	for _, name := range p.GoFiles {
		file := filepath.Join(p.Dir, name)
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			c.t.Fatalf("parse %s: %v", file, err)
		}
		imports := map[string]string{}
		for _, s := range f.Imports {
			n, path := c.importName(s)
			imports[n] = path
		}
		pr := &comment.Parser{
			// Every [Name] and [Recv.Name] becomes a link, so that the
			// ones naming nothing are found below.
			LookupSym: func(recv, name string) bool { return true },
			LookupPackage: func(name string) (string, bool) {
				if name == p.Name {
					return p.ImportPath, true
				}
				if path, ok := imports[name]; ok {
					return path, true
				}
				if path, ok := self.imports[name]; ok {
					return path, true
				}
				if path, ok := comment.DefaultLookupPackage(name); ok {
					return path, true
				}
				return "?" + name, true
			},
		}
		rel, _ := filepath.Rel(c.root, file)
		for _, cg := range docComments(f) {
			text := cg.Text()
			d := pr.Parse(text)
			for _, l := range docLinks(d) {
				if strings.HasPrefix(l.ImportPath, "?") && l.Name == "" {
					continue // "[i]" or "[x]" in prose, not a link
				}
				if !c.resolve(p.ImportPath, l) {
					broken = append(broken, fmt.Sprintf("%s:%d: [%s]", rel, fset.Position(cg.Pos()).Line, linkText(l)))
				}
			}
			for _, m := range bareMember.FindAllStringSubmatch(plainText(d), -1) {
				if isMemberName(self, m[1]) {
					continue // a field path in prose: To.Date
				}
				if !self.names[m[1]] || !c.hasMember(p.ImportPath, m[1], m[2], 0) {
					broken = append(broken, fmt.Sprintf("%s:%d: %s.%s (not in brackets) names nothing in %s", rel, fset.Position(cg.Pos()).Line, m[1], m[2], p.Name))
				}
			}
			for _, m := range outsidePath.FindAllStringSubmatch(text, -1) {
				if !c.existsInModule(p.Dir, m[1]) {
					broken = append(broken, fmt.Sprintf("%s:%d: %s is not a file of the module", rel, fset.Position(cg.Pos()).Line, m[1]))
				}
			}
		}
	}
	return broken
}

// existsInModule reports whether path names a file or directory inside the
// module, relative to the package directory or to the module root.
func (c *checker) existsInModule(dir, path string) bool {
	for _, base := range []string{dir, c.root} {
		full := filepath.Clean(filepath.Join(base, path))
		if rel, err := filepath.Rel(c.root, full); err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		if _, err := os.Stat(full); err == nil {
			return true
		}
	}
	return false
}

func linkText(l *comment.DocLink) string {
	s := l.Name
	if l.Recv != "" {
		s = l.Recv + "." + s
	}
	if l.ImportPath != "" {
		p := strings.TrimPrefix(l.ImportPath, "?")
		if s == "" {
			return p
		}
		return p + "." + s
	}
	return s
}

// docComments returns the doc comments of f: the package comment and those
// of declarations, specs and fields, exported or not, with the line
// comments of specs and fields.
func docComments(f *ast.File) []*ast.CommentGroup {
	var out []*ast.CommentGroup
	add := func(cg *ast.CommentGroup) {
		if cg != nil {
			out = append(out, cg)
		}
	}
	add(f.Doc)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			add(n.Doc)
		case *ast.GenDecl:
			add(n.Doc)
		case *ast.TypeSpec:
			add(n.Doc)
			add(n.Comment)
		case *ast.ValueSpec:
			add(n.Doc)
			add(n.Comment)
		case *ast.Field:
			add(n.Doc)
			add(n.Comment)
		}
		return true
	})
	return out
}

// docLinks returns every doc link of d.
func docLinks(d *comment.Doc) []*comment.DocLink {
	var out []*comment.DocLink
	var walk func([]comment.Text)
	walk = func(ts []comment.Text) {
		for _, t := range ts {
			switch t := t.(type) {
			case *comment.DocLink:
				out = append(out, t)
			case *comment.Link:
				walk(t.Text)
			case *comment.Italic, comment.Plain:
			}
		}
	}
	var blocks func([]comment.Block)
	blocks = func(bs []comment.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *comment.Paragraph:
				walk(b.Text)
			case *comment.Heading:
				walk(b.Text)
			case *comment.List:
				for _, it := range b.Items {
					blocks(it.Content)
				}
			}
		}
	}
	blocks(d.Content)
	return out
}
