# The USSD channel (issue 31). A phone's screen shows at most 182 characters, "CON " or "END " included: keep each
# screen short (the unit tests measure every one with long values).
ussd-menu-title = Uraia (NTSA)
ussd-menu-licence = My driving licence
ussd-menu-renew = Renew my driving licence
ussd-menu-slip = Check a slip
ussd-menu-applications = My applications
ussd-choose = Reply with a number from 1 to { $count }.
ussd-not-kenyan = Uraia answers Kenyan mobile numbers only. / Uraia inajibu nambari za simu za Kenya pekee.
ussd-ended = This session has ended. Dial { $code } again.
ussd-timeout = Your 3 minutes for this session are over. Dial { $code } again.
ussd-error = Uraia could not finish this now. Try again in a few minutes.
ussd-unknown = This number is not the verified phone of an Uraia account. Create an account, or verify your phone, at { $address }
ussd-no-pin = Set a USSD PIN first: sign in at { $address }
ussd-pin = Enter your Uraia USSD PIN:
ussd-pin-wrong = That PIN is wrong. Enter your Uraia USSD PIN again:
ussd-pin-locked = You entered a wrong PIN too many times. Wait a minute, then dial again.
ussd-pin-locked-minutes = You entered a wrong PIN too many times. Wait { $minutes } minutes, then dial again.
ussd-pin-locked-hour = You entered a wrong PIN too many times. Wait an hour, then dial again.
ussd-licence =
    Driving licence, classes { $classes }
    Valid until { $date }
    { $status }
ussd-no-licence = We found no driving licence under your ID number. Link an old TIMS account at { $address }
ussd-renew-offences = Pay your unpaid traffic offences of { $amount } first, then renew.
ussd-renew-periods =
    Your licence is valid until { $date }. Renew for:
    1 1 year: { $one }
    2 3 years: { $three }
ussd-renew-confirm =
    Renew for { $period }: { $amount }
    An M-Pesa request will come to { $phone }.
    1 Pay
    2 Cancel
ussd-period-1y = 1 year
ussd-period-3y = 3 years
ussd-renew-cancelled = Cancelled. Nothing was paid.
ussd-renew-sent = Application { $reference }: enter your M-Pesa PIN in the request for { $amount } on this phone. When it is paid, an SMS brings your slip's code.
ussd-renew-unpaid = Two of your renewals are waiting for payment already. Pay or delete one at { $address }
ussd-slip-code = Enter the code on the slip, like 7KQ2M9XD4TNB:
ussd-checks-locked = You checked 10 codes that were not found in the last hour. Wait a minute, then try again.
ussd-checks-locked-minutes = You checked 10 codes that were not found in the last hour. Wait { $minutes } minutes, then try again.
ussd-checks-locked-hour = You checked 10 codes that were not found in the last hour. Wait an hour, then try again.
ussd-applications = Your latest applications:
ussd-applications-none = You have sent no applications yet.

# The PIN on the website.
ussd-title = Your USSD PIN
ussd-intro = On any phone, dial { $code } from { $phone } to see your driving licence, renew it and pay by M-Pesa, check a slip and see your applications. Your PIN keeps your licence and payments yours, even if someone else holds your phone.
ussd-pin-set-on = You set your PIN on { $date }.
ussd-pin-not-set = You have not set a PIN. Until you do, only "Check a slip" works.
ussd-field-pin = New PIN
ussd-field-pin-hint = 4 digits. Not 4 of the same digit, and not 4 in a row like 1234
ussd-field-confirm-pin = Type the new PIN again
ussd-field-password = Your password
ussd-set = Set PIN
ussd-change = Change PIN
ussd-remove-heading = Remove your PIN
ussd-remove-intro = Without a PIN, no one can see your licence or renew it by USSD.
ussd-remove = Remove PIN
ussd-notice-set = Your USSD PIN is set. We have told you by SMS and email.
ussd-notice-removed = Your USSD PIN is removed.
ussd-error-pin-missing = Enter a PIN of 4 digits
ussd-error-pin-format = Enter exactly 4 digits, like 2580
ussd-error-pin-weak = Choose a PIN that is not 4 of the same digit or 4 digits in a row, like 1111 or 1234
ussd-error-pin-confirm = The two PINs are not the same. Type your new PIN in both boxes
ussd-account-heading = Uraia on any phone (USSD)
ussd-account-link = Set or change your USSD PIN
message-ussd-pin-set-subject = Your USSD PIN was set
message-ussd-pin-set-body = Uraia: a USSD PIN was set for your account. If it was not you, sign in, change your password and remove the PIN.
message-ussd-pin-removed-subject = Your USSD PIN was removed
message-ussd-pin-removed-body = Uraia: the USSD PIN of your account was removed. If it was not you, sign in and change your password.
message-ussd-pin-locked-subject = Wrong USSD PINs on your account
message-ussd-pin-locked-body = Uraia: someone entered a wrong USSD PIN 3 times for your account, so the PIN is locked for a while. If it was not you, sign in and change your USSD PIN.
