# Uraia: English, linking an old TIMS account (issue 11). Every key here must also be in sw/tims.ftl.

tims-link = Link your old TIMS account to see its vehicles and licences here
tims-title = Link your old TIMS account
tims-intro = NTSA's old portal, TIMS, closed in December 2023. If you had an account there, link it to bring its vehicles and licences into your Uraia account. You can link your own TIMS account, or the TIMS account of an organisation you act for or direct.
tims-field-identifier = KRA PIN or ID number
tims-field-identifier-hint = The ID number or the organisation's KRA PIN the TIMS account was opened with, for example 28123456 or P051234567K
tims-find = Find my TIMS account
tims-error-missing = Enter the KRA PIN or ID number of your TIMS account
tims-error-format = Enter an ID number (digits only) or a KRA PIN (P, 9 digits and a letter)
tims-error-not-found = No TIMS account was found for that KRA PIN or ID number. Check it and try again
tims-error-not-yours = You cannot link that TIMS account. It must be under your own ID number, or under an organisation you act for or direct
tims-error-already-yours = That TIMS account is already linked to your account
tims-error-linked-elsewhere = That TIMS account is already linked to another Uraia account. Contact NTSA if you think this is wrong
tims-prove-title = Prove the TIMS account is yours
tims-account-number = TIMS account
tims-method-legend = How do you want to prove it?
tims-method-code = Send a code by SMS to the phone on the TIMS account ({ $phone })
tims-method-details = Answer with my first name and year of birth
tims-error-method = Select how you want to prove the TIMS account is yours
tims-code-title = Enter the code
tims-code-sent = We sent a code by SMS to { $phone }, the phone on the TIMS account.
tims-link-button = Link the TIMS account
tims-details-title = Your first name and year of birth
tims-details-intro = Enter them exactly as on your ID card.
tims-error-first-name-missing = Enter your first name
tims-error-details = The first name and year of birth do not match the TIMS account
tims-notice-linked = Your TIMS account is linked. Its vehicles and licences are shown below.

message-tims-code-subject = Your code to link a TIMS account
message-tims-code-body = Uraia: your code to link this TIMS account to your Uraia account is { $code }. It expires in { $minutes } minutes. Never share it. If you did not ask for it, ignore this message.
