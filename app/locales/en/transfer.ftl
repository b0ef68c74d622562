# Uraia: English, transfer of ownership (issue 13). Every key here must also be in sw/transfer.ftl.
transfer-vehicle-title = Which vehicle are you selling?
transfer-vehicle-legend = Your vehicles
transfer-vehicle-hint = Vehicles registered in your own name, and those of the organisations you act for.
transfer-vehicle-none = There is no vehicle registered in your name or in the name of an organisation you act for.
transfer-error-vehicle-missing = Select the vehicle you are selling
transfer-error-caveat = { $plate } has a caveat on the register (a financier's interest, a police hold or a court order). It can only be transferred at an NTSA office, once the caveat is lifted
transfer-error-caveat-hint = Has a caveat: transfer it at an NTSA office
transfer-error-caveat-noted = A caveat (a financier's interest, a police hold or a court order) has been recorded on this vehicle since it was offered to you, so it cannot change owner online. Ask the seller to go to an NTSA office
transfer-error-in-progress = { $plate } is already offered to a buyer. Wait for their answer (at most 14 days) before you offer it again
transfer-error-in-progress-hint = Already offered to a buyer
transfer-logbook-title = Upload the logbook
transfer-logbook-intro = A scan or photo of the vehicle's logbook, as one PDF, JPEG or PNG file of at most 5 MB. Only you and NTSA can open it.
transfer-logbook-kept = You uploaded a { $format } file of { $size } MB.
transfer-logbook-open = Open the logbook
transfer-logbook-keep = Keep this logbook and continue
transfer-field-logbook = Logbook
transfer-field-logbook-hint = PDF, JPEG or PNG, at most 5 MB
transfer-logbook-upload = Upload and continue
transfer-error-logbook-missing = Choose the logbook file to upload
transfer-error-logbook-too-large = Your file is { $size } MB. Choose a file of at most 5 MB
transfer-error-logbook-format = The file is not a PDF, JPEG or PNG. Scan or photograph the logbook and upload that file
transfer-error-logbook-interrupted = The upload did not finish. Check your connection and try again
transfer-buyer-title = Who is buying the vehicle?
transfer-buyer-intro = The buyer accepts the transfer in their own Uraia account. Enter their details exactly as on their ID card.
transfer-field-buyer-id = Buyer's ID number
transfer-field-buyer-name = Buyer's first name
transfer-field-buyer-name-hint = As on their national ID card
transfer-error-buyer-id-missing = Enter the buyer's ID number
transfer-error-buyer-id-format = Enter the buyer's ID number in digits only, at most 14
transfer-error-buyer-name-missing = Enter the buyer's first name
transfer-error-buyer-self = You cannot transfer a vehicle to yourself. Enter the buyer's ID number
transfer-error-buyer-details = The ID number and first name do not match the national register. Check them against the buyer's ID card
transfer-error-buyer-no-account = { $name } has no Uraia account yet. Ask them to create one, then enter their details again
transfer-field-vehicle = Vehicle
transfer-field-buyer = Buyer
transfer-check-hint = When you pay, we will tell the buyer by SMS and email. They have 14 days to accept; the vehicle stays in your name until they do.
transfer-result-heading = The transfer
transfer-seller-offered = { $buyer } has until { $deadline } to accept the transfer of { $plate }. We will tell you by SMS and email when they answer.
transfer-seller-accepted = { $buyer } accepted. { $plate } is now registered in their name.
transfer-seller-declined = { $buyer } declined the transfer. { $plate } stays registered { $seller_kind ->
    [organisation] to { $seller }
   *[other] in your name
}.
transfer-seller-lapsed = { $buyer } did not answer by { $deadline }. { $plate } stays registered { $seller_kind ->
    [organisation] to { $seller }
   *[other] in your name
}.
transfer-offer-deadline = Answer by
transfer-application-status-in_review = Waiting for the buyer
transfer-application-status-approved = Accepted by the buyer
transfer-application-panel-in_review = Waiting for the buyer
transfer-application-panel-approved = Accepted by the buyer
transfer-fact-seller = Seller
transfer-fact-buyer = Buyer
transfer-fact-on = Transferred on
transfer-dashboard-heading = Transfers to you
transfer-dashboard-item = { $plate } from { $seller }
transfer-status-offered = Waiting for you
transfer-status-accepted = Accepted
transfer-status-declined = Declined
transfer-status-lapsed = Time ran out
transfer-offer-title = Transfer of { $plate } to you
transfer-offer-status = Status:
transfer-offer-vehicle = Vehicle
transfer-buyer-offered = { $seller } wants to transfer { $plate } to you. Accept only once you have agreed the sale and seen the vehicle and its logbook. Answer by { $deadline }.
transfer-buyer-accepted = You accepted. { $plate } is registered in your name; your acknowledgement slip is below.
transfer-buyer-declined = You declined. { $plate } stays registered to { $seller }.
transfer-buyer-lapsed = The time to answer ended on { $deadline }. { $plate } stays registered to { $seller }.
transfer-accept-intro = To accept, you type a code we send by SMS to { $phone }.
transfer-accept = Accept the transfer
transfer-decline = Decline the transfer
transfer-accept-title = Accept the transfer of { $plate }
transfer-code-sent = We sent a code by SMS to { $phone }. It expires in { $minutes } minutes.
transfer-accept-confirm = Accept and become the owner
transfer-code-again = Send a new code
transfer-decline-title = Decline the transfer of { $plate }?
transfer-decline-intro = We will tell { $seller } by SMS and email, and the vehicle stays in their name. You cannot undo this.
transfer-decline-confirm = Yes, decline the transfer
transfer-error-closed = This transfer can no longer be answered: it has been answered, or its 14 days have ended
transfer-notice-code-sent = We sent you a code by SMS
transfer-notice-accepted = The vehicle is now registered in your name
transfer-notice-declined = You declined the transfer. We have told the seller
message-transfer-offered-subject = { $seller } is transferring { $plate } to you
message-transfer-offered-body = Uraia: { $seller } wants to transfer vehicle { $plate } to you. Sign in to Uraia and open "Transfers to you" on the "Your services" page to accept or decline by { $deadline }.
message-transfer-code-subject = Your code to accept a vehicle transfer
message-transfer-code-body = Uraia: your code to accept the vehicle transfer is { $code }. It expires in { $minutes } minutes. Accept only a sale you agreed to; never share the code.
message-transfer-accepted-subject = { $buyer } accepted the transfer of { $plate }
message-transfer-accepted-body = Uraia: { $buyer } accepted the transfer of { $plate }. It is now registered in their name; your acknowledgement slip is on the application's page.
message-transfer-declined-subject = { $buyer } declined the transfer of { $plate }
message-transfer-declined-body = Uraia: { $buyer } declined the transfer of { $plate }. The vehicle stays registered { $seller_kind ->
    [organisation] to { $seller }
   *[other] in your name
}.
message-transfer-lapsed-subject = The time to accept the transfer of { $plate } has run out
message-transfer-lapsed-body = Uraia: { $buyer } did not accept the transfer of { $plate } by { $deadline }. The vehicle stays registered { $seller_kind ->
    [organisation] to { $seller }
   *[other] in your name
}; you may offer it again.
# Issue 28: an organisation sells (through one of its people) or buys (any of its people answers).
transfer-vehicle-of = { $vehicle }, registered to { $organisation }
transfer-buyer-person-heading = A person
transfer-buyer-organisation-heading = An organisation
transfer-buyer-organisation-intro = A company, SACCO, dealer or driving school, by its KRA PIN. One of the people who act for it on Uraia accepts the transfer on its behalf.
transfer-field-buyer-pin = Organisation's KRA PIN
transfer-field-buyer-pin-hint = P, 9 digits and a letter, as on its PIN certificate
transfer-buyer-organisation-use = Use this organisation
transfer-error-buyer-pin-missing = Enter the organisation's KRA PIN
transfer-error-buyer-pin-format = Enter the organisation's KRA PIN: P, 9 digits and a letter, like P051234567K
transfer-error-buyer-pin-unknown = No organisation has this KRA PIN on the register. Check it against the organisation's PIN certificate
transfer-error-buyer-pin-no-people = Nobody acts for { $name } on Uraia yet. Ask one of its directors to create a business account, then enter the PIN again
transfer-error-buyer-pin-same = The vehicle is already registered to { $name }. Enter the KRA PIN of the organisation buying it
transfer-dashboard-item-organisation = { $plate } from { $seller }, to { $buyer }
transfer-buyer-organisation-offered = { $seller } wants to transfer { $plate } to { $buyer }, which you act for. Accept only once { $buyer } has agreed the sale and seen the vehicle and its logbook. Answer by { $deadline }.
transfer-buyer-organisation-accepted = { $by } accepted on behalf of { $buyer }. { $plate } is registered to { $buyer }.
transfer-buyer-organisation-declined = { $by } declined on behalf of { $buyer }. { $plate } stays registered to { $seller }.
transfer-buyer-organisation-lapsed = Nobody answered by { $deadline }. { $plate } stays registered to { $seller }.
transfer-notice-accepted-organisation = The vehicle is now registered to the organisation
message-transfer-offered-organisation-subject = { $seller } is transferring { $plate } to { $buyer }
message-transfer-offered-organisation-body = Uraia: { $seller } wants to transfer vehicle { $plate } to { $buyer }, which you act for. Sign in to Uraia and open "Transfers to you" on the "Your services" page to accept or decline on its behalf by { $deadline }.
transfer-accept-confirm-organisation = Accept for { $buyer }
