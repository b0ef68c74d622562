# Uraia: Kiswahili, uhamisho wa umiliki (issue 13). Kila ufunguo hapa lazima uwe pia kwenye en/transfer.ftl.
transfer-vehicle-title = Unauza gari lipi?
transfer-vehicle-legend = Magari yako
transfer-vehicle-hint = Yanaonyeshwa magari yaliyosajiliwa kwa jina lako mwenyewe, na ya mashirika unayoyawakilisha.
transfer-vehicle-none = Hakuna gari lililosajiliwa kwa jina lako wala kwa jina la shirika unalowakilisha.
transfer-error-vehicle-missing = Chagua gari unalouza
transfer-error-caveat = Gari { $plate } lina kizuizi kwenye sajili (maslahi ya mkopeshaji, kizuizi cha polisi au amri ya mahakama). Linaweza kuhamishwa tu katika ofisi ya NTSA, baada ya kizuizi kuondolewa
transfer-error-caveat-hint = Lina kizuizi: lihamishe katika ofisi ya NTSA
transfer-error-caveat-noted = Kizuizi (maslahi ya mkopeshaji, kizuizi cha polisi au amri ya mahakama) kimerekodiwa kwenye gari hili tangu ulipopewa, kwa hiyo haliwezi kubadilisha mmiliki mtandaoni. Mwombe muuzaji aende katika ofisi ya NTSA
transfer-error-in-progress = Tayari umeanzisha uhamisho wa gari { $plate } kwa mnunuzi. Subiri jibu lake (kwa muda usiozidi siku 14) kabla ya kuanzisha uhamisho tena
transfer-error-in-progress-hint = Linasubiri jibu la mnunuzi
transfer-logbook-title = Pakia kitabu cha kumbukumbu za gari (logbook)
transfer-logbook-intro = Nakala iliyochanganuliwa au picha ya kitabu cha kumbukumbu za gari (logbook), kama faili moja ya PDF, JPEG au PNG isiyozidi MB 5. Ni wewe na NTSA tu mnaoweza kuifungua.
transfer-logbook-kept = Umepakia faili ya { $format } yenye ukubwa wa MB { $size }.
transfer-logbook-open = Fungua kitabu cha kumbukumbu za gari
transfer-logbook-keep = Tumia kitabu hiki na uendelee
transfer-field-logbook = Kitabu cha kumbukumbu za gari (logbook)
transfer-field-logbook-hint = PDF, JPEG au PNG, isiyozidi MB 5
transfer-logbook-upload = Pakia na uendelee
transfer-error-logbook-missing = Chagua faili ya kitabu cha kumbukumbu za gari ya kupakia
transfer-error-logbook-too-large = Faili yako ina ukubwa wa MB { $size }. Chagua faili isiyozidi MB 5
transfer-error-logbook-format = Faili hii si PDF, JPEG wala PNG. Changanua au piga picha kitabu cha kumbukumbu za gari kisha upakie faili hiyo
transfer-error-logbook-interrupted = Upakiaji haukukamilika. Hakikisha una mtandao, kisha ujaribu tena
transfer-buyer-title = Nani ananunua gari?
transfer-buyer-intro = Mnunuzi anakubali uhamisho kwenye akaunti yake mwenyewe ya Uraia. Andika taarifa zake sawasawa na zilivyo kwenye kitambulisho chake.
transfer-field-buyer-id = Nambari ya kitambulisho ya mnunuzi
transfer-field-buyer-name = Jina la kwanza la mnunuzi
transfer-field-buyer-name-hint = Sawasawa na lilivyo kwenye kitambulisho chake cha taifa
transfer-error-buyer-id-missing = Andika nambari ya kitambulisho ya mnunuzi
transfer-error-buyer-id-format = Andika nambari ya kitambulisho ya mnunuzi kwa tarakimu pekee, zisizozidi 14
transfer-error-buyer-name-missing = Andika jina la kwanza la mnunuzi
transfer-error-buyer-self = Huwezi kujihamishia gari mwenyewe. Andika nambari ya kitambulisho ya mnunuzi
transfer-error-buyer-details = Nambari ya kitambulisho na jina la kwanza havilingani na sajili ya taifa. Vilinganishe na kitambulisho cha mnunuzi
transfer-error-buyer-no-account = { $name } bado hana akaunti ya Uraia. Mwombe afungue akaunti, kisha uandike taarifa zake tena
transfer-field-vehicle = Gari
transfer-field-buyer = Mnunuzi
transfer-check-hint = Ukilipa, mnunuzi ataarifiwa kwa SMS na barua pepe. Ana siku 14 za kukubali; gari linabaki kwa jina lako hadi akubali.
transfer-result-heading = Uhamisho
transfer-seller-offered = { $buyer } ana hadi { $deadline } kukubali uhamisho wa gari { $plate }. Tutakuarifu kwa SMS na barua pepe atakapojibu.
transfer-seller-accepted = { $buyer } amekubali. Gari { $plate } sasa limesajiliwa kwa jina lake.
transfer-seller-declined = { $buyer } amekataa uhamisho. Gari { $plate } linabaki limesajiliwa { $seller_kind ->
    [organisation] kwa { $seller }
   *[other] kwa jina lako
}.
transfer-seller-lapsed = { $buyer } hakujibu kufikia { $deadline }. Gari { $plate } linabaki limesajiliwa { $seller_kind ->
    [organisation] kwa { $seller }
   *[other] kwa jina lako
}.
transfer-offer-deadline = Jibu kufikia
transfer-application-status-in_review = Linasubiri jibu la mnunuzi
transfer-application-status-approved = Limekubaliwa na mnunuzi
transfer-application-panel-in_review = Linasubiri jibu la mnunuzi
transfer-application-panel-approved = Limekubaliwa na mnunuzi
transfer-fact-seller = Muuzaji
transfer-fact-buyer = Mnunuzi
transfer-fact-on = Tarehe ya uhamisho
transfer-dashboard-heading = Magari unayohamishiwa
transfer-dashboard-item = { $plate } kutoka kwa { $seller }
transfer-status-offered = Linakusubiri
transfer-status-accepted = Limekubaliwa
transfer-status-declined = Limekataliwa
transfer-status-lapsed = Muda umeisha
transfer-offer-title = Uhamisho wa gari { $plate } kwako
transfer-offer-status = Hali:
transfer-offer-vehicle = Gari
transfer-buyer-offered = { $seller } anataka kukuhamishia gari { $plate }. Kubali tu baada ya kukubaliana kuhusu mauzo na kuliona gari na kitabu chake cha kumbukumbu. Jibu kufikia { $deadline }.
transfer-buyer-accepted = Umekubali. Gari { $plate } limesajiliwa kwa jina lako; stakabadhi yako ya uhamisho iko hapa chini.
transfer-buyer-declined = Umekataa. Gari { $plate } linabaki limesajiliwa kwa { $seller }.
transfer-buyer-lapsed = Muda wa kujibu uliisha tarehe { $deadline }. Gari { $plate } linabaki limesajiliwa kwa { $seller }.
transfer-accept-intro = Ili kukubali, utaandika msimbo tutakaokutumia kupitia SMS kwenda { $phone }.
transfer-accept = Kubali uhamisho
transfer-decline = Kataa uhamisho
transfer-accept-title = Kubali uhamisho wa gari { $plate }
transfer-code-sent = Tumekutumia msimbo kupitia SMS kwenda { $phone }. Unaisha baada ya dakika { $minutes }.
transfer-accept-confirm = Kubali na uwe mmiliki
transfer-code-again = Nitumie msimbo mpya
transfer-decline-title = Je, unataka kukataa uhamisho wa gari { $plate }?
transfer-decline-intro = Tutamwarifu { $seller } kwa SMS na barua pepe, na gari litabaki kwa jina lake. Huwezi kubadilisha uamuzi huu.
transfer-decline-confirm = Ndiyo, kataa uhamisho
transfer-error-closed = Uhamisho huu hauwezi kujibiwa tena: umeshajibiwa, au siku zake 14 zimeisha
transfer-notice-code-sent = Tumekutumia msimbo kupitia SMS
transfer-notice-accepted = Gari sasa limesajiliwa kwa jina lako
transfer-notice-declined = Umekataa uhamisho. Tumemwarifu muuzaji
message-transfer-offered-subject = { $seller } anakuhamishia gari { $plate }
message-transfer-offered-body = Uraia: { $seller } anataka kukuhamishia gari { $plate }. Ingia kwenye Uraia ufungue "Magari unayohamishiwa" kwenye ukurasa wa "Huduma zako" ili kukubali au kukataa kufikia { $deadline }.
message-transfer-code-subject = Msimbo wako wa kukubali uhamisho wa gari
message-transfer-code-body = Uraia: msimbo wako wa kukubali uhamisho wa gari ni { $code }. Unaisha baada ya dakika { $minutes }. Kubali tu mauzo uliyokubaliana nayo; usimpe mtu yeyote msimbo huu.
message-transfer-accepted-subject = { $buyer } amekubali uhamisho wa gari { $plate }
message-transfer-accepted-body = Uraia: { $buyer } amekubali uhamisho wa gari { $plate }. Sasa limesajiliwa kwa jina lake; stakabadhi yako ya uhamisho iko kwenye ukurasa wa ombi.
message-transfer-declined-subject = { $buyer } amekataa uhamisho wa gari { $plate }
message-transfer-declined-body = Uraia: { $buyer } amekataa uhamisho wa gari { $plate }. Gari linabaki limesajiliwa { $seller_kind ->
    [organisation] kwa { $seller }
   *[other] kwa jina lako
}.
message-transfer-lapsed-subject = Muda wa uhamisho wa gari { $plate } umeisha
message-transfer-lapsed-body = Uraia: { $buyer } hakukubali uhamisho wa gari { $plate } kufikia { $deadline }. Gari linabaki limesajiliwa { $seller_kind ->
    [organisation] kwa { $seller }
   *[other] kwa jina lako
}; unaweza kuanzisha uhamisho tena.
# Toleo la 28: shirika linauza (kupitia mmoja wa watu wake) au linanunua (yeyote kati ya watu wake anajibu).
transfer-vehicle-of = { $vehicle }, limesajiliwa kwa { $organisation }
transfer-buyer-person-heading = Mtu
transfer-buyer-organisation-heading = Shirika
transfer-buyer-organisation-intro = Kampuni, SACCO, muuzaji wa magari au shule ya udereva, kwa PIN yake ya KRA. Mmoja wa watu wanaoliwakilisha kwenye Uraia atakubali uhamisho kwa niaba yake.
transfer-field-buyer-pin = PIN ya KRA ya shirika
transfer-field-buyer-pin-hint = P, tarakimu 9 na herufi, kama ilivyo kwenye cheti chake cha PIN
transfer-buyer-organisation-use = Tumia shirika hili
transfer-error-buyer-pin-missing = Andika PIN ya KRA ya shirika
transfer-error-buyer-pin-format = Andika PIN ya KRA ya shirika: P, tarakimu 9 na herufi, kama P051234567K
transfer-error-buyer-pin-unknown = Hakuna shirika lenye PIN hii ya KRA kwenye sajili. Ilinganishe na cheti cha PIN cha shirika
transfer-error-buyer-pin-no-people = Bado hakuna anayewakilisha { $name } kwenye Uraia. Mwombe mmoja wa wakurugenzi wake afungue akaunti ya biashara, kisha uandike PIN tena
transfer-error-buyer-pin-same = Gari tayari limesajiliwa kwa { $name }. Andika PIN ya KRA ya shirika linalolinunua
transfer-dashboard-item-organisation = { $plate } kutoka kwa { $seller }, kwa { $buyer }
transfer-buyer-organisation-offered = { $seller } anataka kuhamishia { $buyer } gari { $plate }; wewe unawakilisha shirika hilo. Kubali tu baada ya { $buyer } kukubaliana kuhusu mauzo na kuliona gari na kitabu chake cha kumbukumbu. Jibu kufikia { $deadline }.
transfer-buyer-organisation-accepted = { $by } amekubali kwa niaba ya { $buyer }. Gari { $plate } limesajiliwa kwa { $buyer }.
transfer-buyer-organisation-declined = { $by } amekataa kwa niaba ya { $buyer }. Gari { $plate } linabaki limesajiliwa kwa { $seller }.
transfer-buyer-organisation-lapsed = Hakuna aliyejibu kufikia { $deadline }. Gari { $plate } linabaki limesajiliwa kwa { $seller }.
transfer-notice-accepted-organisation = Gari sasa limesajiliwa kwa shirika
message-transfer-offered-organisation-subject = { $seller } anahamishia { $buyer } gari { $plate }
message-transfer-offered-organisation-body = Uraia: { $seller } anataka kuhamishia { $buyer } gari { $plate }; wewe unawakilisha shirika hilo. Ingia kwenye Uraia ufungue "Magari unayohamishiwa" kwenye ukurasa wa "Huduma zako" ili kukubali au kukataa kwa niaba yake kufikia { $deadline }.
transfer-accept-confirm-organisation = Kubali kwa niaba ya { $buyer }
