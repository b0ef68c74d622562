# Uraia: Kiswahili, vikumbusho kabla chochote hakijaisha muda (issue 29). Kila ufunguo hapa lazima pia uwe katika
# en/reminders.ftl.
message-reminder-driving_licence-subject = Leseni yako ya udereva inaisha muda tarehe { $date }
message-reminder-driving_licence-body = Uraia: leseni yako ya udereva inaisha muda tarehe { $date }. Ihuishe mtandaoni: { $link } Ili kusimamisha vikumbusho hivi, vizime kwenye ukurasa wa akaunti yako.
message-reminder-inspection-subject = Cheti cha ukaguzi wa gari { $what } kinaisha muda tarehe { $date }
message-reminder-inspection-body = Uraia: cheti cha ukaguzi wa gari { $what } kinaisha muda tarehe { $date }. Weka nafasi ya ukaguzi: { $link } Ili kusimamisha vikumbusho hivi, vizime kwenye ukurasa wa akaunti yako.
message-reminder-psv_licence-subject = Leseni ya PSV ya gari { $what } inaisha muda tarehe { $date }
message-reminder-psv_licence-body = Uraia: leseni ya PSV ya gari { $what } inaisha muda tarehe { $date }. Omba inayofuata: { $link } Ili kusimamisha vikumbusho hivi, vizime kwenye ukurasa wa akaunti yako.
message-reminder-psv_badge-subject = Beji yako ya PSV inaisha muda tarehe { $date }
message-reminder-psv_badge-body = Uraia: beji yako ya PSV ya { $what ->
    [driver] dereva
   *[other] kondakta
} inaisha muda tarehe { $date }. Omba mpya: { $link } Ili kusimamisha vikumbusho hivi, vizime kwenye ukurasa wa akaunti yako.
reminders-heading = Vikumbusho
reminders-intro = Tunatuma SMS na barua pepe siku 90, 30 na 7 kabla chochote kati ya hivi hakijaisha muda, kati ya saa 2 asubuhi na saa 2 usiku.
reminders-legend = Nikumbushe kabla hivi havijaisha muda
reminders-kind-driving_licence = Leseni yangu ya udereva
reminders-kind-inspection = Vyeti vya ukaguzi vya magari yangu na ya mashirika ninayoyawakilisha
reminders-kind-psv_licence = Leseni za PSV za magari ya mashirika ninayoyawakilisha
reminders-kind-psv_badge = Beji yangu ya PSV
reminders-save = Hifadhi vikumbusho
reminders-notice-saved = Vikumbusho vyako vimehifadhiwa
