## Kurasa za watumishi: foleni, ombi la kuamua, daftari la matendo.

staff-nav-label = Kurasa za watumishi
staff-signed-in-as = Umeingia kama { $name }, { $role }
staff-role-officer = afisa
staff-role-supervisor = msimamizi
staff-role-support = mhudumu wa wateja
staff-role-administrator = mdhibiti wa mfumo
staff-role-analyst = mchambuzi wa takwimu

staff-queue-title = Maombi ya kuamua
staff-queue-caption = Maombi, la zamani zaidi kwanza
staff-queue-total = { $count ->
    [one] Ombi 1
   *[other] Maombi { $count }
}
staff-queue-empty = Hakuna ombi linalolingana na vichujio hivi.
staff-column-reference = Nambari ya kumbukumbu
staff-column-service = Huduma
staff-column-since = Linasubiri tangu
staff-column-held = Linaamuliwa na
staff-filter-service = Huduma
staff-filter-all = Huduma zote
staff-column-centre = Kituo
staff-filter-centre = Kituo
staff-filter-all-centres = Vituo vyote
staff-filter-status = Hali
staff-filter-age = Limesubiri
staff-filter-apply = Onyesha
staff-age-any = Wakati wowote
staff-age-days = { $days ->
    [one] Zaidi ya siku 1
   *[other] Zaidi ya siku { $days }
}
staff-page-previous = Ukurasa uliotangulia
staff-page-next = Ukurasa unaofuata

staff-application-title = Ombi { $reference }
staff-applicant = Mwombaji
staff-answers-heading = Alichotueleza mwombaji
staff-payments-heading = Malipo
staff-payments-none = Hakuna kilicholipwa.
staff-files-heading = Faili
staff-files-none = Hakuna faili.
staff-file-photo = Picha ya pasipoti ya mwombaji (pakua)
staff-file-logbook = Kitabu cha kumbukumbu za gari (logbook) (pakua)
staff-waiting-other-party = Ombi hili linasubiri upande mwingine (mnunuzi), si afisa.
staff-own-application = Hili ni ombi lako mwenyewe: afisa mwingine ataliamua.
staff-held-by = { $name } anaamua ombi hili hadi { $until }.
staff-held-by-you = Unaamua ombi hili hadi { $until }. Hakuna mwingine anayeweza kuliamua hadi wakati huo.
staff-claim = Amua ombi hili
staff-claim-hint = Litashikiliwa kwa ajili yako kwa dakika 30: maafisa wengine wataona kwamba unaliamua.
staff-approve = Idhinisha
staff-reject = Kataa
staff-reject-reason = Kwa nini linakataliwa?
staff-reject-note = Anachopaswa kujua mwombaji (si lazima, isizidi herufi 500; ni lazima kwa "sababu nyingine")
staff-notice-claimed = Unaamua ombi hili kwa dakika 30 zijazo.
staff-notice-approved = Limeidhinishwa. Mwombaji ameelezwa kupitia SMS na barua pepe.
staff-notice-rejected = Limekataliwa. Mwombaji ameelezwa kupitia SMS na barua pepe, pamoja na sababu.
staff-error-held = Afisa mwingine anaamua ombi hili.
staff-error-decided = Ombi hili limeshaamuliwa.
staff-error-own = Huwezi kuamua ombi lako mwenyewe.
staff-error-reason = Chagua kwa nini ombi linakataliwa
staff-error-note = Eleza sababu hiyo nyingine ni ipi
staff-error-not-claimed = Dakika zako 30 za kuamua ombi hili zimeisha. Lifungue ili uamue tena.

applications-reason-documents = Hati hazithibitishi yanayosemwa na ombi.
applications-reason-particulars = Maelezo hayalingani na sajili.
applications-reason-duplicate = Ombi jingine la jambo hilo hilo liliamuliwa kwanza.
applications-reason-other = Sababu nyingine.

staff-audit-title = Daftari la matendo
staff-audit-caption = Matendo ya watumishi, ya karibuni kwanza
staff-audit-at = Lini
staff-audit-actor = Nani (anwani ya barua pepe)
staff-audit-action = Tendo
staff-audit-subject = Juu ya nini
staff-audit-client = Kutoka wapi
staff-audit-before = Kabla
staff-audit-after = Baada
staff-audit-from = Kuanzia (siku)
staff-audit-to = Hadi (siku)
staff-audit-date-hint = Kwa mfano, 2026-12-05
staff-audit-export = Pakua safu hizi kama CSV

message-decision-approved-subject = Ombi limeidhinishwa: { $reference }
message-decision-approved-body = Uraia: NTSA imeidhinisha ombi lako { $reference }. Hati zako ziko kwenye ukurasa wa ombi.
message-decision-rejected-subject = Ombi limekataliwa: { $reference }
message-decision-rejected-body = Uraia: NTSA imekataa ombi lako { $reference }. Sababu: { $reason } Ukurasa wa ombi unaeleza unachoweza kufanya sasa.

staff-shown-in_review = Linakaguliwa
staff-shown-asked = Linasubiri jibu la mwombaji
staff-shown-completed = Limeidhinishwa
staff-shown-rejected = Limekataliwa
staff-ask-label = Muulize mwombaji swali
staff-ask-hint = Ataelezwa kupitia SMS na barua pepe na atajibu kwenye ukurasa wa ombi lake; ombi litarudi kwenye foleni mahali pake.
staff-ask = Muulize mwombaji
staff-notice-asked = Swali lako limetumwa. Ombi linasubiri jibu la mwombaji.

message-question-subject = Swali kuhusu ombi lako { $reference }
message-question-body = Uraia: NTSA inauliza kuhusu ombi lako { $reference }: { $reason } Jibu kwenye ukurasa wa ombi.

staff-people-title = Watumishi na nyadhifa zao
staff-people-caption = Kila mwenye wadhifa wa mtumishi
staff-people-email = Anwani ya barua pepe
staff-people-email-hint = Anwani ya akaunti yao wenyewe ya Uraia, waliyoithibitisha
staff-people-role = Wadhifa
staff-people-centre = Kituo
staff-people-centre-hint = Kituo cha afisa, kwa mfano IC-MRU (si lazima)
staff-people-services = Huduma
staff-people-services-hint = Huduma za afisa, kwa misimbo iliyotenganishwa kwa koma, kwa mfano registration; acha tupu kwa zote
staff-people-give = Toa au badilisha wadhifa
staff-people-submit = Hifadhi wadhifa
staff-notice-granted = Wadhifa umehifadhiwa. Utaanza kutumika watakapoingia tena.
staff-error-role = Chagua wadhifa
staff-error-services = Taja huduma ambazo Uraia inatoa pekee, kwa mfano registration au dl-renewal
staff-error-no-account = Hakuna akaunti iliyothibitisha anwani hii ya barua pepe. Mtu huyo ajisajili na kuithibitisha kwanza.
staff-error-other-party = Ombi hili linasubiri upande mwingine (mnunuzi), si afisa.
staff-error-not-approvable = Afisa hawezi kuidhinisha huduma hii: hukamilishwa na upande mwingine. Likatae kwa sababu, au muulize mwombaji swali.

## Hati na historia ya malipo kwenye ukurasa wa ombi wa watumishi (issue 27).
staff-history-heading = Historia ya malipo
staff-documents-heading = Hati zilizotolewa
staff-documents-none = Hakuna hati iliyotolewa kwa ombi hili.
staff-document-issued = Msimbo { $code }, ilitolewa { $date }
staff-withdraw-label = Kwa nini uondoe { $document }?
staff-withdraw-hint = Mwenye hati ataelezwa sababu hii. Anayekagua hati ataelezwa tu kwamba iliondolewa, na lini.
staff-withdraw = Ondoa { $document }
staff-notice-withdrawn = Imeondolewa. Ukaguzi wake sasa unasema hivyo, na mwenye hati ameelezwa sababu kupitia SMS na barua pepe.
staff-error-withdraw-reason = Andika kwa nini hati inaondolewa
staff-error-withdrawn = Hati hii imeshaondolewa.
message-document-withdrawn-subject = Hati imeondolewa: { $reference }
message-document-withdrawn-body = Uraia: NTSA imeondoa hati iliyotolewa kwa ombi { $reference }. Sababu: { $reason }. Si halali tena.
