//! Ink coverage layers and how they are printed onto the paper.
//!
//! Every mark (text, rules, stamp, signature) is first drawn as coverage into a
//! layer — overlapping strokes of one ink take the maximum, as real ink does —
//! and then the layer is multiplied onto the page in the ink's colour, so inks
//! darken what is under them and black print stays readable under a stamp.

use image::RgbImage;

/// Coverage (0..=255) of one ink over a rectangle of the page.
pub(crate) struct InkLayer {
    x0: i32,
    y0: i32,
    width: u32,
    height: u32,
    coverage: Vec<u8>,
}

impl InkLayer {
    /// An empty layer over the page rectangle at `(x0, y0)` of `width` × `height` pixels.
    pub fn new(x0: i32, y0: i32, width: u32, height: u32) -> InkLayer {
        InkLayer {
            x0,
            y0,
            width,
            height,
            coverage: vec![0; width as usize * height as usize],
        }
    }

    /// Page rectangle covered: `(x0, y0, width, height)`.
    pub fn area(&self) -> (i32, i32, u32, u32) {
        (self.x0, self.y0, self.width, self.height)
    }

    /// Index of page pixel `(x, y)` in the layer, if inside.
    fn index(&self, x: i32, y: i32) -> Option<usize> {
        let (lx, ly) = (x - self.x0, y - self.y0);
        if lx < 0 || ly < 0 || lx >= self.width as i32 || ly >= self.height as i32 {
            return None;
        }
        Some(ly as usize * self.width as usize + lx as usize)
    }

    /// Adds coverage `amount` (0..=1) at page pixel `(x, y)`; the maximum wins.
    pub fn cover(&mut self, x: i32, y: i32, amount: f32) {
        if let Some(i) = self.index(x, y) {
            let value = (amount.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
            if value > self.coverage[i] {
                self.coverage[i] = value;
            }
        }
    }

    /// Coverage 0..=1 at page pixel `(x, y)` (0 outside).
    #[cfg(test)]
    pub fn get(&self, x: i32, y: i32) -> f32 {
        self.index(x, y)
            .map_or(0.0, |i| f32::from(self.coverage[i]) / 255.0)
    }

    /// Covers the rectangle `[x0, y0, x1, y1]` (page pixels, fractional edges
    /// anti-aliased) with `amount`.
    pub fn fill_rect(&mut self, rect: [f32; 4], amount: f32) {
        let [x0, y0, x1, y1] = rect;
        if !(x1 > x0 && y1 > y0) {
            return;
        }
        let overlap = |i: f32, lo: f32, hi: f32| (hi.min(i + 1.0) - lo.max(i)).clamp(0.0, 1.0);
        for y in y0.floor() as i32..y1.ceil() as i32 {
            let cy = overlap(y as f32, y0, y1);
            for x in x0.floor() as i32..x1.ceil() as i32 {
                self.cover(x, y, amount * cy * overlap(x as f32, x0, x1));
            }
        }
    }

    /// Multiplies every covered pixel by `factor(page_x, page_y)` (ink texture).
    pub fn modulate(&mut self, factor: impl Fn(i32, i32) -> f32) {
        for ly in 0..self.height as i32 {
            for lx in 0..self.width as i32 {
                let i = ly as usize * self.width as usize + lx as usize;
                if self.coverage[i] > 0 {
                    let f = factor(self.x0 + lx, self.y0 + ly).clamp(0.0, 1.0);
                    self.coverage[i] = (f32::from(self.coverage[i]) * f + 0.5) as u8;
                }
            }
        }
    }

    /// Page-pixel bounds `[x0, y0, x1, y1]` of the covered pixels, if any.
    pub fn inked_bounds(&self) -> Option<[f32; 4]> {
        let mut bounds: Option<[i32; 4]> = None;
        for ly in 0..self.height as i32 {
            for lx in 0..self.width as i32 {
                if self.coverage[ly as usize * self.width as usize + lx as usize] > 0 {
                    let b = bounds.get_or_insert([lx, ly, lx, ly]);
                    b[0] = b[0].min(lx);
                    b[1] = b[1].min(ly);
                    b[2] = b[2].max(lx);
                    b[3] = b[3].max(ly);
                }
            }
        }
        bounds.map(|[x0, y0, x1, y1]| {
            [
                (self.x0 + x0) as f32,
                (self.y0 + y0) as f32,
                (self.x0 + x1 + 1) as f32,
                (self.y0 + y1 + 1) as f32,
            ]
        })
    }

    /// Prints the layer onto `page` in `colour` (RGB) at `opacity` (0..=1) by
    /// multiplication: each channel becomes `p * (1 - a * (1 - colour / 255))`.
    pub fn multiply_onto(&self, page: &mut RgbImage, colour: [u8; 3], opacity: f32) {
        // Per coverage level, the factor each channel is multiplied by (x 256).
        let absorb = colour.map(|c| 1.0 - f32::from(c) / 255.0);
        let factors: Vec<[u32; 3]> = (0..=255u32)
            .map(|c| {
                let a = c as f32 / 255.0 * opacity.clamp(0.0, 1.0);
                absorb.map(|k| ((1.0 - a * k) * 256.0).round() as u32)
            })
            .collect();

        // Rows and columns of the layer that fall on the page.
        let (page_w, page_h) = (page.width() as i32, page.height() as i32);
        let x_from = (-self.x0).max(0);
        let x_to = (page_w - self.x0).min(self.width as i32);
        let y_from = (-self.y0).max(0);
        let y_to = (page_h - self.y0).min(self.height as i32);
        if x_from >= x_to || y_from >= y_to {
            return;
        }
        let pixels: &mut [u8] = page;
        for ly in y_from..y_to {
            let row = &self.coverage[ly as usize * self.width as usize..][..self.width as usize];
            let page_row = (self.y0 + ly) as usize * page_w as usize;
            for lx in x_from..x_to {
                let c = row[lx as usize];
                if c == 0 {
                    continue;
                }
                let at = (page_row + (self.x0 + lx) as usize) * 3;
                let factor = factors[c as usize];
                for (channel, f) in pixels[at..at + 3].iter_mut().zip(factor) {
                    *channel = ((u32::from(*channel) * f + 128) >> 8).min(255) as u8;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_edges_are_fractional_and_maximum_wins() {
        let mut layer = InkLayer::new(0, 0, 4, 4);
        layer.fill_rect([0.5, 1.0, 3.0, 2.0], 1.0);
        assert!((layer.get(0, 1) - 0.5).abs() < 0.01);
        assert_eq!(layer.get(1, 1), 1.0);
        assert_eq!(layer.get(1, 2), 0.0);
        layer.cover(1, 1, 0.2);
        assert_eq!(layer.get(1, 1), 1.0);
        assert_eq!(layer.inked_bounds(), Some([0.0, 1.0, 3.0, 2.0]));
    }

    #[test]
    fn multiply_darkens_by_colour() {
        let mut page = RgbImage::from_pixel(2, 1, image::Rgb([200, 200, 200]));
        let mut layer = InkLayer::new(0, 0, 2, 1);
        layer.cover(0, 0, 1.0);
        layer.multiply_onto(&mut page, [255, 0, 0], 1.0);
        assert_eq!(page.get_pixel(0, 0).0, [200, 0, 0]);
        assert_eq!(page.get_pixel(1, 0).0, [200, 200, 200]);
    }
}
