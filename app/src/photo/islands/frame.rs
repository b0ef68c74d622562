//! The crop frame: a square inside the picture, in the picture's own pixels. Pure arithmetic, tested here.

/// The square to keep, in the picture's own pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub x: f64,
    pub y: f64,
    pub side: f64,
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
impl Frame {
    /// The largest square, centred: "scale to fit" before the person moves anything.
    pub fn centred(width: f64, height: f64) -> Frame {
        let side = width.min(height);
        Frame {
            width,
            height,
            x: (width - side) / 2.0,
            y: (height - side) / 2.0,
            side,
        }
    }

    pub fn moved_to(self, x: f64, y: f64) -> Frame {
        Frame {
            x: x.clamp(0.0, self.width - self.side),
            y: y.clamp(0.0, self.height - self.side),
            ..self
        }
    }

    /// A new size, keeping the square's centre where it was.
    pub fn resized(self, side: f64) -> Frame {
        let side = side.clamp(1.0, self.width.min(self.height));
        let (cx, cy) = (self.x + self.side / 2.0, self.y + self.side / 2.0);
        Frame { side, ..self }.moved_to(cx - side / 2.0, cy - side / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_frame_is_the_largest_centred_square() {
        let f = Frame::centred(1200.0, 1600.0);
        assert_eq!((f.x, f.y, f.side), (0.0, 200.0, 1200.0));
    }

    #[test]
    fn the_frame_stays_inside_the_picture() {
        let f = Frame::centred(1200.0, 1600.0).resized(600.0);
        assert_eq!((f.x, f.y, f.side), (300.0, 500.0, 600.0));
        let moved = f.moved_to(-50.0, 5000.0);
        assert_eq!((moved.x, moved.y), (0.0, 1000.0));
        assert_eq!(f.resized(5000.0).side, 1200.0);
    }
}
