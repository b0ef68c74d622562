# Uraia: English, the PSV badge (issue 28). Every key here must also be in sw/badge.ftl.

badge-title = Your PSV badge
badge-intro = A matatu or bus driver or conductor must wear a PSV badge. We check each rule against the national register and NTSA's records of your driving licence.
badge-role-legend = Badge
badge-role = Badge
badge-role-driver = Driver
badge-role-conductor = Conductor
badge-role-driver-rules = From the age of 21, with a valid driving licence carrying a PSV class (D1, D2 or D3) held for 3 years or more
badge-role-conductor-rules = From the age of 18
badge-conduct = Certificate of good conduct number
badge-conduct-hint = As printed on the certificate the Directorate of Criminal Investigations gave you, for example PCC/2026/001234
badge-check-hint = An officer checks your certificate of good conduct. Once your application is approved, the badge is valid for a year and its slip is on this page.
badge-result-heading = Your PSV badge
badge-error-role = Select driver or conductor
badge-error-register = You cannot apply for a PSV badge with this account: a badge is issued under a national ID number on the register
badge-error-age = This badge is from the age of { $age }: you can apply for it from { $date }
badge-error-no-licence = A driver's badge needs a driving licence, and there is none under your ID number
badge-error-expired = Your driving licence expired on { $date }. Renew it before you apply for a driver's badge
badge-error-no-psv-class = A driver's badge needs a PSV class (D1, D2 or D3) on your driving licence, and yours has none
badge-error-experience = A driver's badge needs class { $class } held for { $years } years: you can apply from { $date }
badge-error-conduct-missing = Enter your certificate of good conduct number
badge-error-conduct = Enter the certificate number as printed: 5 to 20 letters, digits, slashes or hyphens
