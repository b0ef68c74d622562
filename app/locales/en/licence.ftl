# The first smart driving licence, after a driving test is passed.
first-dl-title = Your first smart driving licence
first-dl-intro = A pass at a test unit gives you the classes below. Your licence is a smart card with your photo, valid for { $years } years. An officer at the collection centre you choose checks your application.
first-dl-class = Class { $class }
first-dl-pass-until = Passed: certificate of competence valid until { $date }
first-dl-endorse = The classes you already hold ({ $classes }) stay on your licence, which gets a new card.
first-dl-fee = Fee: { $fee } plus { $access } access fee: { $total }.
first-dl-not-on-register = A driving licence is issued under a national ID number on the register. Sign in with your citizen's account to apply.
first-dl-no-pass = You have no driving test pass to turn into a licence.
first-dl-no-pass-what-to-do = A pass gives you a certificate of competence valid for 3 months; apply for your licence before it lapses. If yours lapsed, or your classes are already on your licence, there is nothing to apply for.
first-dl-book-test = Book a driving test
first-dl-error-register = A driving licence is issued under a national ID number on the register
first-dl-error-no-pass = You have no driving test pass with a valid certificate of competence for a class your licence lacks
first-dl-check-classes = Classes
first-dl-check-hint = An officer at the collection centre checks your application. When it is approved, the licence is on the register and your slip is ready; NTSA sends an SMS when the card can be collected.
