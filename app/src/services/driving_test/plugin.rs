//! The driving test booking as a service of the application framework: a held place, let go when the draft is
//! deleted; paid, the place is booked and the application completes. The result comes later, from the unit.

crate::booked_at_a_place!(DrivingTest);
