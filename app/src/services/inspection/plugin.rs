//! Inspection booking as a service of the application framework: a held place, let go when the draft is deleted;
//! paid, the place is booked and the application completes.

crate::booked_at_a_place!(Inspection);
