//go:build ignore

// gen_photo draws the synthetic passport photos of the tests: a head and
// shoulders on the red (odd birth year) or blue (even) background the KIA
// asks for. No real child is pictured.
//
//	go run gen_photo.go
package main

import (
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
)

func main() {
	write("photo-red.jpg", draw(480, 640, color.RGBA{0xc8, 0x1e, 0x24, 0xff}), true)
	write("photo-blue.png", draw(600, 600, color.RGBA{0x1a, 0x5f, 0xc0, 0xff}), false)
}

func draw(w, h int, bg color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	skin := color.RGBA{0xe8, 0xb8, 0x94, 0xff}
	hair := color.RGBA{0x2a, 0x1d, 0x16, 0xff}
	shirt := color.RGBA{0xf4, 0xf4, 0xf0, 0xff}
	collar := color.RGBA{0xd0, 0xd0, 0xcc, 0xff}
	s := float64(min(w, h*3/4))
	cx := float64(w) / 2
	headY, headRX, headRY := float64(h)*0.40, s*0.21, s*0.27
	for y := range h {
		for x := range w {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			c := bg
			// Shoulders: an ellipse below the head.
			if sq((fx-cx)/(s*0.5))+sq((fy-float64(h)*1.08)/(float64(h)*0.36)) < 1 {
				c = shirt
				if math.Abs(fx-cx) < s*0.09 && fy < float64(h)*0.82 {
					c = collar
				}
			}
			// Neck.
			if math.Abs(fx-cx) < s*0.09 && fy > headY && fy < float64(h)*0.76 {
				c = skin
			}
			// Hair, then face.
			if sq((fx-cx)/(headRX*1.08))+sq((fy-headY+headRY*0.12)/(headRY*1.02)) < 1 && fy < headY-headRY*0.15 {
				c = hair
			}
			if sq((fx-cx)/headRX)+sq((fy-headY)/headRY) < 1 && !(fy < headY-headRY*0.45) {
				c = skin
				// Eyes and mouth.
				for _, ex := range []float64{-0.38, 0.38} {
					if sq((fx-cx-ex*headRX)/(headRX*0.11))+sq((fy-headY+headRY*0.08)/(headRY*0.06)) < 1 {
						c = hair
					}
				}
				if math.Abs(fx-cx) < headRX*0.3 && math.Abs(fy-headY-headRY*0.45) < headRY*0.03 {
					c = color.RGBA{0xa0, 0x50, 0x50, 0xff}
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func sq(v float64) float64 { return v * v }

func write(name string, img image.Image, asJPEG bool) {
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if asJPEG {
		err = jpeg.Encode(f, img, &jpeg.Options{Quality: 85})
	} else {
		err = png.Encode(f, img)
	}
	if err != nil {
		panic(err)
	}
}
