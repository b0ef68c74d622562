# Huduma ya USSD (issue 31). Skrini ya simu inaonyesha herufi 182 tu, "CON " au "END " zikiwemo.
ussd-menu-title = Uraia (NTSA)
ussd-menu-licence = Leseni yangu ya udereva
ussd-menu-renew = Huisha leseni yangu ya udereva
ussd-menu-slip = Kagua stakabadhi
ussd-menu-applications = Maombi yangu
ussd-choose = Jibu kwa nambari kuanzia 1 hadi { $count }.
ussd-not-kenyan = Uraia answers Kenyan mobile numbers only. / Uraia inajibu nambari za simu za Kenya pekee.
ussd-ended = Huduma hii imekwisha. Piga { $code } tena.
ussd-timeout = Dakika zako 3 za huduma hii zimekwisha. Piga { $code } tena.
ussd-error = Uraia haikuweza kumaliza hili sasa. Jaribu tena baada ya dakika chache.
ussd-unknown = Nambari hii si simu iliyothibitishwa ya akaunti ya Uraia. Fungua akaunti, au thibitisha simu yako, kwenye { $address }
ussd-no-pin = Weka PIN ya USSD kwanza: ingia kwenye { $address }
ussd-pin = Andika PIN yako ya USSD ya Uraia:
ussd-pin-wrong = PIN hiyo si sahihi. Andika PIN yako ya USSD ya Uraia tena:
ussd-pin-locked = Umeandika PIN isiyo sahihi mara nyingi mno. Subiri dakika moja, kisha upige tena.
ussd-pin-locked-minutes = Umeandika PIN isiyo sahihi mara nyingi mno. Subiri dakika { $minutes }, kisha upige tena.
ussd-pin-locked-hour = Umeandika PIN isiyo sahihi mara nyingi mno. Subiri saa moja, kisha upige tena.
ussd-licence =
    Leseni ya udereva, madaraja { $classes }
    Halali hadi { $date }
    { $status }
ussd-no-licence = Hatukupata leseni ya udereva chini ya nambari yako ya kitambulisho. Unganisha akaunti ya zamani ya TIMS kwenye { $address }
ussd-renew-offences = Lipa kwanza makosa ya barabarani ambayo hayajalipiwa ya { $amount }, kisha uhuishe.
ussd-renew-periods =
    Leseni yako ni halali hadi { $date }. Huisha kwa:
    1 Mwaka 1: { $one }
    2 Miaka 3: { $three }
ussd-renew-confirm =
    Huisha kwa { $period }: { $amount }
    Kidirisha cha malipo cha M-Pesa kitakuja kwenye { $phone }.
    1 Lipa
    2 Ghairi
ussd-period-1y = mwaka 1
ussd-period-3y = miaka 3
ussd-renew-cancelled = Umeghairi. Hakuna kilicholipwa.
ussd-renew-sent = Ombi { $reference }: andika PIN yako ya M-Pesa kwenye kidirisha cha malipo cha { $amount } kwenye simu hii. Likilipiwa, SMS italeta msimbo wa stakabadhi yako.
ussd-renew-unpaid = Maombi yako mawili ya kuhuisha yanasubiri malipo tayari. Lipa au futa moja kwenye { $address }
ussd-slip-code = Andika msimbo ulio kwenye stakabadhi, kama 7KQ2M9XD4TNB:
ussd-checks-locked = Umekagua misimbo 10 isiyopatikana katika saa moja iliyopita. Subiri dakika moja, kisha ujaribu tena.
ussd-checks-locked-minutes = Umekagua misimbo 10 isiyopatikana katika saa moja iliyopita. Subiri dakika { $minutes }, kisha ujaribu tena.
ussd-checks-locked-hour = Umekagua misimbo 10 isiyopatikana katika saa moja iliyopita. Subiri saa moja, kisha ujaribu tena.
ussd-applications = Maombi yako ya karibuni:
ussd-applications-none = Bado hujatuma ombi lolote.

# PIN kwenye tovuti.
ussd-title = PIN yako ya USSD
ussd-intro = Kwenye simu yoyote, piga { $code } kutoka { $phone } ili kuona leseni yako ya udereva, kuihuisha na kulipa kwa M-Pesa, kukagua stakabadhi na kuona maombi yako. PIN yako inahakikisha leseni yako na malipo yako ni yako, hata mtu mwingine akishika simu yako.
ussd-pin-set-on = Uliweka PIN yako tarehe { $date }.
ussd-pin-not-set = Hujaweka PIN. Hadi utakapoweka, "Kagua stakabadhi" pekee ndiyo inafanya kazi.
ussd-field-pin = PIN mpya
ussd-field-pin-hint = Tarakimu 4. Zisiwe tarakimu 4 zilezile, wala 4 zinazofuatana kama 1234
ussd-field-confirm-pin = Andika PIN mpya tena
ussd-field-password = Nenosiri lako
ussd-set = Weka PIN
ussd-change = Badilisha PIN
ussd-remove-heading = Ondoa PIN yako
ussd-remove-intro = Bila PIN, hakuna mtu anayeweza kuona leseni yako wala kuihuisha kwa USSD.
ussd-remove = Ondoa PIN
ussd-notice-set = PIN yako ya USSD imewekwa. Tumekujulisha kupitia SMS na barua pepe.
ussd-notice-removed = PIN yako ya USSD imeondolewa.
ussd-error-pin-missing = Andika PIN ya tarakimu 4
ussd-error-pin-format = Andika tarakimu 4 sawasawa, kama 2580
ussd-error-pin-weak = Chagua PIN isiyo tarakimu 4 zilezile wala tarakimu 4 zinazofuatana, kama 1111 au 1234
ussd-error-pin-confirm = PIN hizo mbili hazifanani. Andika PIN yako mpya kwenye visanduku vyote viwili
ussd-account-heading = Uraia kwenye simu yoyote (USSD)
ussd-account-link = Weka au badilisha PIN yako ya USSD
message-ussd-pin-set-subject = PIN yako ya USSD imewekwa
message-ussd-pin-set-body = Uraia: PIN ya USSD imewekwa kwa akaunti yako. Kama si wewe, ingia, badilisha nenosiri lako na uondoe PIN.
message-ussd-pin-removed-subject = PIN yako ya USSD imeondolewa
message-ussd-pin-removed-body = Uraia: PIN ya USSD ya akaunti yako imeondolewa. Kama si wewe, ingia na ubadilishe nenosiri lako.
message-ussd-pin-locked-subject = PIN za USSD zisizo sahihi kwenye akaunti yako
message-ussd-pin-locked-body = Uraia: mtu ameandika PIN ya USSD isiyo sahihi mara 3 kwa akaunti yako, kwa hiyo PIN imefungwa kwa muda. Kama si wewe, ingia na ubadilishe PIN yako ya USSD.
