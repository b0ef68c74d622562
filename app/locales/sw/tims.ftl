# Uraia: Kiswahili, kuunganisha akaunti ya zamani ya TIMS (issue 11). Kila ufunguo hapa lazima uwe pia katika
# en/tims.ftl.

tims-link = Unganisha akaunti yako ya zamani ya TIMS ili uone magari na leseni zake hapa
tims-title = Unganisha akaunti yako ya zamani ya TIMS
tims-intro = Tovuti ya zamani ya NTSA, TIMS, ilifungwa Desemba 2023. Ikiwa ulikuwa na akaunti huko, iunganishe ili magari na leseni zake ziingie kwenye akaunti yako ya Uraia. Unaweza kuunganisha akaunti yako mwenyewe ya TIMS, au ya shirika unalowakilisha au ambalo wewe ni mkurugenzi wake.
tims-field-identifier = PIN ya KRA au nambari ya kitambulisho
tims-field-identifier-hint = Nambari ya kitambulisho au PIN ya KRA ya shirika ambayo akaunti ya TIMS ilifunguliwa nayo, kwa mfano 28123456 au P051234567K
tims-find = Tafuta akaunti yangu ya TIMS
tims-error-missing = Andika PIN ya KRA au nambari ya kitambulisho ya akaunti yako ya TIMS
tims-error-format = Andika nambari ya kitambulisho (tarakimu pekee) au PIN ya KRA (P, tarakimu 9 na herufi moja)
tims-error-not-found = Hakuna akaunti ya TIMS iliyopatikana kwa PIN hiyo ya KRA au nambari hiyo ya kitambulisho. Ikague kisha ujaribu tena
tims-error-not-yours = Huwezi kuunganisha akaunti hiyo ya TIMS: lazima iwe imefunguliwa kwa nambari yako ya kitambulisho, au kwa shirika unalowakilisha au ambalo wewe ni mkurugenzi wake
tims-error-already-yours = Akaunti hiyo ya TIMS tayari imeunganishwa na akaunti yako
tims-error-linked-elsewhere = Akaunti hiyo ya TIMS tayari imeunganishwa na akaunti nyingine ya Uraia. Wasiliana na NTSA ikiwa unadhani si sahihi
tims-prove-title = Thibitisha kwamba akaunti ya TIMS ni yako
tims-account-number = Akaunti ya TIMS
tims-method-legend = Unataka kuthibitisha vipi?
tims-method-code = Nitumie msimbo kupitia SMS kwenda simu iliyo kwenye akaunti ya TIMS ({ $phone })
tims-method-details = Nitajibu kwa jina langu la kwanza na mwaka wa kuzaliwa
tims-error-method = Chagua jinsi unavyotaka kuthibitisha kwamba akaunti ya TIMS ni yako
tims-code-title = Andika msimbo
tims-code-sent = Tumetuma msimbo kupitia SMS kwenda { $phone }, simu iliyo kwenye akaunti ya TIMS.
tims-link-button = Unganisha akaunti ya TIMS
tims-details-title = Jina lako la kwanza na mwaka wa kuzaliwa
tims-details-intro = Yaandike sawasawa na yalivyo kwenye kitambulisho chako.
tims-error-first-name-missing = Andika jina lako la kwanza
tims-error-details = Jina la kwanza na mwaka wa kuzaliwa havilingani na akaunti ya TIMS
tims-notice-linked = Akaunti yako ya TIMS imeunganishwa. Magari na leseni zake zinaonyeshwa hapa chini.

message-tims-code-subject = Msimbo wako wa kuunganisha akaunti ya TIMS
message-tims-code-body = Uraia: msimbo wako wa kuunganisha akaunti hii ya TIMS na akaunti yako ya Uraia ni { $code }. Unaisha baada ya dakika { $minutes }. Usimpe mtu yeyote. Ikiwa hukuuomba, puuza ujumbe huu.
