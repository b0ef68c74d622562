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

# Replacing a lost, stolen or damaged smart driving licence.
replacement-title = Replace your smart driving licence
replacement-card-issued = Card issued
replacement-fee = Fee: { $fee } plus { $access } access fee: { $total }.
replacement-reason-legend = What happened to your card?
replacement-reason-lost = It is lost
replacement-reason-lost-hint = Report it to the police first and enter the abstract's number below
replacement-reason-stolen = It was stolen
replacement-reason-stolen-hint = Report it to the police first and enter the abstract's number below
replacement-reason-damaged = It is damaged
replacement-reason-damaged-hint = Hand the damaged card in when you collect the new one
replacement-field-abstract = Police abstract number (for a lost or stolen card)
replacement-field-abstract-hint = As printed on the abstract the police station gave you, for example OB 12/03/12/2026
replacement-expired = Your licence expired on { $date }: it cannot be replaced. Renew it instead; the smart option gives you a new card.
replacement-renew = Renew your driving licence
replacement-error-no-licence = There is no driving licence under your ID number to replace
replacement-error-expired = Your licence has expired: renew it instead
replacement-error-reason = Select what happened to your card
replacement-error-abstract-missing = Enter the police abstract number: a lost or stolen card is replaced only once it is reported
replacement-error-abstract = Enter the police abstract number as printed on it: 5 to 20 letters, digits, / or -
replacement-check-reason = What happened
replacement-check-hint = An officer at the collection centre checks your application. When it is approved, your old card is no longer valid and the new card's slip is ready; NTSA sends an SMS when the card can be collected.
