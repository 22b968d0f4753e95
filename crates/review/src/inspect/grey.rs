//! A minimal 8-bit grey image for the inspection passes: conversion from the
//! decoded RGB page, 2× box downscaling, crops and Otsu's threshold.

use image::RgbImage;

/// An 8-bit grey image, row-major, 0 black ..= 255 white.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Grey {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width * height` luminance values.
    pub data: Vec<u8>,
}

impl Grey {
    /// Luminance (ITU-R BT.601 weights) of an RGB page.
    pub fn from_rgb(image: &RgbImage) -> Grey {
        let data = image
            .pixels()
            .map(|p| {
                let [r, g, b] = p.0;
                ((299 * r as u32 + 587 * g as u32 + 114 * b as u32 + 500) / 1000) as u8
            })
            .collect();
        Grey {
            width: image.width() as usize,
            height: image.height() as usize,
            data,
        }
    }

    /// The value at `(x, y)`; callers keep `x < width` and `y < height`.
    #[inline]
    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.data[y * self.width + x]
    }

    /// Half the size in each direction, each pixel the mean of a 2×2 block
    /// (a trailing odd row or column is dropped).
    pub fn half(&self) -> Grey {
        let (w, h) = (self.width / 2, self.height / 2);
        let mut data = Vec::with_capacity(w * h);
        for y in 0..h {
            let top = &self.data[2 * y * self.width..][..2 * w];
            let bottom = &self.data[(2 * y + 1) * self.width..][..2 * w];
            for x in 0..w {
                let sum = top[2 * x] as u32
                    + top[2 * x + 1] as u32
                    + bottom[2 * x] as u32
                    + bottom[2 * x + 1] as u32;
                data.push(((sum + 2) / 4) as u8);
            }
        }
        Grey {
            width: w,
            height: h,
            data,
        }
    }

    /// The pixels of `[x0, x1) × [y0, y1)`, clamped to the image.
    pub fn crop(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> Grey {
        let (x1, y1) = (x1.min(self.width), y1.min(self.height));
        let (x0, y0) = (x0.min(x1), y0.min(y1));
        let mut data = Vec::with_capacity((x1 - x0) * (y1 - y0));
        for y in y0..y1 {
            data.extend_from_slice(&self.data[y * self.width + x0..y * self.width + x1]);
        }
        Grey {
            width: x1 - x0,
            height: y1 - y0,
            data,
        }
    }

    /// This image centred on a `width × height` canvas of `fill` (at least
    /// its own size).
    pub fn padded(&self, width: usize, height: usize, fill: u8) -> Grey {
        let (w, h) = (width.max(self.width), height.max(self.height));
        let (x0, y0) = ((w - self.width) / 2, (h - self.height) / 2);
        let mut data = vec![fill; w * h];
        for y in 0..self.height {
            data[(y0 + y) * w + x0..][..self.width]
                .copy_from_slice(&self.data[y * self.width..][..self.width]);
        }
        Grey {
            width: w,
            height: h,
            data,
        }
    }

    /// The grey level that `fraction` (0.0..=1.0) of the pixels are at or below.
    pub fn percentile(&self, fraction: f32) -> u8 {
        let mut histogram = [0usize; 256];
        for &v in &self.data {
            histogram[v as usize] += 1;
        }
        let target = (fraction.clamp(0.0, 1.0) * self.data.len() as f32) as usize;
        let mut seen = 0;
        for (level, &n) in histogram.iter().enumerate() {
            seen += n;
            if seen > target {
                return level as u8;
            }
        }
        255
    }

    /// Otsu's threshold: the grey level that best splits the histogram into
    /// two classes; pixels below it are dark.
    pub fn otsu(&self) -> u8 {
        let mut histogram = [0u64; 256];
        for &v in &self.data {
            histogram[v as usize] += 1;
        }
        let total = self.data.len() as f64;
        let sum_all: f64 = histogram
            .iter()
            .enumerate()
            .map(|(v, &n)| v as f64 * n as f64)
            .sum();
        let (mut weight_dark, mut sum_dark) = (0.0f64, 0.0f64);
        let (mut best, mut best_variance) = (128u8, -1.0f64);
        for (level, &n) in histogram.iter().enumerate() {
            weight_dark += n as f64;
            sum_dark += level as f64 * n as f64;
            let weight_light = total - weight_dark;
            if weight_dark == 0.0 || weight_light == 0.0 {
                continue;
            }
            let mean_dark = sum_dark / weight_dark;
            let mean_light = (sum_all - sum_dark) / weight_light;
            let variance = weight_dark * weight_light * (mean_dark - mean_light).powi(2);
            if variance > best_variance {
                best_variance = variance;
                // Dark is `< threshold`, so the split sits just above `level`.
                best = (level + 1).min(255) as u8;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_averages_blocks_and_crop_clamps() {
        let g = Grey {
            width: 4,
            height: 2,
            data: vec![0, 100, 200, 200, 100, 200, 200, 201],
        };
        let h = g.half();
        assert_eq!((h.width, h.height), (2, 1));
        assert_eq!(h.data, vec![100, 200]);
        let c = g.crop(1, 0, 10, 1);
        assert_eq!((c.width, c.height), (3, 1));
        assert_eq!(c.data, vec![100, 200, 200]);
    }

    #[test]
    fn otsu_splits_two_levels() {
        let mut data = vec![30u8; 50];
        data.extend(vec![220u8; 150]);
        let g = Grey {
            width: 200,
            height: 1,
            data,
        };
        let t = g.otsu();
        assert!(t > 30 && t <= 220, "threshold {t}");
    }
}
