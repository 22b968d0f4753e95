//! Bilevel fax TIFF pages (compressions 2 "CCITT RLE", 3 "T.4 / Group 3" and
//! 4 "T.6 / Group 4") decoded strip by strip with `hayro-ccitt`.
//!
//! The `tiff` crate decodes only Group 4, and only up to 65535 columns; the
//! PDF renderer's CCITT decoder covers all three and is already a dependency.
//! This module only reads the strip table and paints the decoded runs.

use hayro_ccitt::{DecodeSettings, DecoderContext, EncodingMode};
use image::GrayImage;

/// How the strips of one page are coded, from the page's tags.
#[derive(Debug, Clone)]
pub(crate) struct FaxLayout {
    /// TIFF compression: 2, 3 or 4.
    pub compression: u16,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Rows in each strip but possibly the last (at least 1).
    pub rows_per_strip: u32,
    /// Byte offset of each strip in the file.
    pub strip_offsets: Vec<u64>,
    /// Byte length of each strip.
    pub strip_byte_counts: Vec<u64>,
    /// T4Options (compression 3): bit 0 = two-dimensional coding.
    pub t4_options: u32,
    /// FillOrder 2 = least significant bit first.
    pub lsb_first: bool,
    /// PhotometricInterpretation 1 (BlackIsZero) inverts the decoded bits.
    pub black_is_zero: bool,
}

/// Whether a TIFF compression code is one of the fax codings.
pub(crate) fn is_fax(compression: u16) -> bool {
    matches!(compression, 2..=4)
}

/// Decode every strip of `layout` from `file` into an 8-bit gray page
/// (0 black, 255 white). `Err` carries the reason for a message.
pub(crate) fn decode(file: &[u8], layout: &FaxLayout) -> Result<GrayImage, String> {
    let (width, height) = (layout.width as usize, layout.height as usize);
    let rows_per_strip = layout.rows_per_strip.clamp(1, layout.height.max(1)) as usize;
    let strips = height.div_ceil(rows_per_strip);
    if layout.strip_offsets.len() < strips || layout.strip_byte_counts.len() < strips {
        return Err(format!(
            "{strips} strips needed, the file lists {} offsets and {} byte counts",
            layout.strip_offsets.len(),
            layout.strip_byte_counts.len()
        ));
    }

    // Decoded bit 0 is white in the file's default WhiteIsZero coding.
    let (white, black) = if layout.black_is_zero {
        (0, 255)
    } else {
        (255, 0)
    };
    let mut pixels = vec![white; width * height];

    for (strip, rows) in pixels.chunks_mut(width * rows_per_strip).enumerate() {
        // Locate the strip's bytes; a strip cut short by truncation is
        // decoded as far as it goes.
        let start = usize::try_from(layout.strip_offsets[strip]).unwrap_or(usize::MAX);
        let count = usize::try_from(layout.strip_byte_counts[strip]).unwrap_or(usize::MAX);
        let data = file.get(start..).unwrap_or(&[]);
        let data = &data[..data.len().min(count)];
        if data.is_empty() {
            return Err(format!("strip {strip} is missing from the file"));
        }
        let data = if layout.lsb_first {
            std::borrow::Cow::Owned(data.iter().map(|b| b.reverse_bits()).collect())
        } else {
            std::borrow::Cow::Borrowed(data)
        };

        // Decode the runs straight into the page rows.
        let row_count = rows.len() / width;
        let mut sink = RowPainter {
            rows,
            width,
            next_row: 0,
            black,
        };
        let mut context = DecoderContext::new(settings(layout, row_count as u32));
        hayro_ccitt::decode(&data, &mut sink, &mut context)
            .map_err(|e| format!("strip {strip}: {e:?}"))?;
        if sink.next_row == 0 {
            return Err(format!("strip {strip} holds no decodable row"));
        }
    }
    GrayImage::from_raw(layout.width, layout.height, pixels).ok_or_else(|| "page size".to_string())
}

/// Decoder settings for one strip of `rows` rows.
fn settings(layout: &FaxLayout, rows: u32) -> DecodeSettings {
    let (encoding, end_of_line, rows_are_byte_aligned) = match layout.compression {
        // Modified Huffman, each row starting on a byte, no EOL codes.
        2 => (EncodingMode::Group3_1D, false, true),
        3 if layout.t4_options & 1 != 0 => (EncodingMode::Group3_2D, true, false),
        3 => (EncodingMode::Group3_1D, true, false),
        _ => (EncodingMode::Group4, false, false),
    };
    DecodeSettings {
        columns: layout.width,
        rows,
        end_of_block: true,
        end_of_line,
        rows_are_byte_aligned,
        encoding,
        strict: false,
    }
}

/// Paints each decoded row into the page: runs alternate white, black,
/// white... starting with white.
struct RowPainter<'a> {
    /// The strip's rows, `width` bytes each, pre-filled with white.
    rows: &'a mut [u8],
    /// Row length in pixels.
    width: usize,
    /// Index of the next row to paint.
    next_row: usize,
    /// Value of a black pixel.
    black: u8,
}

impl hayro_ccitt::Decoder for RowPainter<'_> {
    fn push_row(&mut self, changes: &[u32]) {
        let start = self.next_row * self.width;
        let Some(row) = self.rows.get_mut(start..start + self.width) else {
            return;
        };
        for pair in changes.chunks(2) {
            let from = (pair[0] as usize).min(self.width);
            let to = pair
                .get(1)
                .map_or(self.width, |&c| (c as usize).min(self.width));
            if from < to {
                row[from..to].fill(self.black);
            }
        }
        self.next_row += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 16 x 2 page coded as CCITT RLE: each row is white 4, black 8,
    /// white 4 ("1011" "000101" "1011"), padded to two bytes.
    fn rle_layout(file_len: u64) -> FaxLayout {
        FaxLayout {
            compression: 2,
            width: 16,
            height: 2,
            rows_per_strip: 2,
            strip_offsets: vec![0],
            strip_byte_counts: vec![file_len],
            t4_options: 0,
            lsb_first: false,
            black_is_zero: false,
        }
    }

    const RLE_ROWS: [u8; 4] = [0b1011_0001, 0b0110_1100, 0b1011_0001, 0b0110_1100];

    #[test]
    fn ccitt_rle_rows() {
        let page = decode(&RLE_ROWS, &rle_layout(4)).unwrap();
        for y in 0..2 {
            let row: Vec<u8> = (0..16).map(|x| page.get_pixel(x, y).0[0]).collect();
            let mut expected = vec![255u8; 16];
            expected[4..12].fill(0);
            assert_eq!(row, expected, "row {y}");
        }
    }

    #[test]
    fn fill_order_and_photometric() {
        let reversed: Vec<u8> = RLE_ROWS.iter().map(|b| b.reverse_bits()).collect();
        let mut layout = rle_layout(4);
        layout.lsb_first = true;
        layout.black_is_zero = true;
        let page = decode(&reversed, &layout).unwrap();
        assert_eq!(page.get_pixel(0, 0).0[0], 0);
        assert_eq!(page.get_pixel(5, 1).0[0], 255);
    }

    #[test]
    fn missing_strip_is_an_error() {
        let mut layout = rle_layout(4);
        layout.strip_offsets = vec![100];
        assert!(decode(&RLE_ROWS, &layout).is_err());
        layout.strip_offsets = vec![];
        assert!(decode(&RLE_ROWS, &layout).is_err());
    }
}
