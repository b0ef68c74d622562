# Uraia: English, reminders before anything expires (issue 29). Every key here must also be in sw/reminders.ftl.
message-reminder-driving_licence-subject = Your driving licence expires on { $date }
message-reminder-driving_licence-body = Uraia: your driving licence expires on { $date }. Renew it online: { $link } To stop these reminders, turn them off on your account page.
message-reminder-inspection-subject = The inspection certificate of { $what } runs out on { $date }
message-reminder-inspection-body = Uraia: the inspection certificate of { $what } runs out on { $date }. Book an inspection: { $link } To stop these reminders, turn them off on your account page.
message-reminder-psv_licence-subject = The PSV licence of { $what } expires on { $date }
message-reminder-psv_licence-body = Uraia: the PSV road service licence of { $what } expires on { $date }. Apply for the next one: { $link } To stop these reminders, turn them off on your account page.
message-reminder-psv_badge-subject = Your PSV badge expires on { $date }
message-reminder-psv_badge-body = Uraia: your PSV { $what ->
    [driver] driver's
   *[other] conductor's
} badge expires on { $date }. Apply for a new one: { $link } To stop these reminders, turn them off on your account page.
reminders-heading = Reminders
reminders-intro = We send an SMS and an email 90, 30 and 7 days before any of these expires, between 08:00 and 20:00.
reminders-legend = Remind me before these expire
reminders-kind-driving_licence = My driving licence
reminders-kind-inspection = Inspection certificates of my vehicles and my organisations' vehicles
reminders-kind-psv_licence = PSV licences of my organisations' vehicles
reminders-kind-psv_badge = My PSV badge
reminders-save = Save reminders
reminders-notice-saved = Your reminders are saved
