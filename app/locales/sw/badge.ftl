# Uraia: Kiswahili, beji ya PSV (issue 28). Kila ufunguo hapa lazima pia uwe katika en/badge.ftl.

badge-title = Beji yako ya PSV
badge-intro = Dereva au kondakta wa matatu au basi lazima avae beji ya PSV. Tunakagua kila sharti dhidi ya sajili ya taifa na kumbukumbu za NTSA za leseni yako ya udereva.
badge-role-legend = Beji
badge-role = Beji
badge-role-driver = Dereva
badge-role-conductor = Kondakta
badge-role-driver-rules = Kuanzia umri wa miaka 21, ukiwa na leseni halali ya udereva yenye daraja la PSV (D1, D2 au D3) kwa miaka 3 au zaidi
badge-role-conductor-rules = Kuanzia umri wa miaka 18
badge-conduct = Nambari ya cheti cha tabia njema
badge-conduct-hint = Kama ilivyochapishwa kwenye cheti ulichopewa na Idara ya Upelelezi wa Makosa ya Jinai, kwa mfano PCC/2026/001234
badge-check-hint = Afisa atapitia cheti chako cha tabia njema. Ombi lako likiidhinishwa, beji ni halali kwa mwaka mmoja na stakabadhi yake iko kwenye ukurasa huu.
badge-result-heading = Beji yako ya PSV
badge-error-role = Chagua dereva au kondakta
badge-error-register = Huwezi kuomba beji ya PSV kwa akaunti hii: beji hutolewa chini ya nambari ya kitambulisho cha taifa iliyo kwenye sajili
badge-error-age = Beji hii ni kuanzia umri wa miaka { $age }: unaweza kuiomba kuanzia { $date }
badge-error-no-licence = Beji ya dereva inahitaji leseni ya udereva, na hakuna iliyosajiliwa kwa nambari yako ya kitambulisho
badge-error-expired = Leseni yako ya udereva iliisha muda tarehe { $date }. Ihuishe kabla ya kuomba beji ya dereva
badge-error-no-psv-class = Beji ya dereva inahitaji daraja la PSV (D1, D2 au D3) kwenye leseni yako ya udereva, na yako haina
badge-error-experience = Beji ya dereva inahitaji daraja { $class } kwa miaka { $years }: unaweza kuomba kuanzia { $date }
badge-error-conduct-missing = Weka nambari ya cheti chako cha tabia njema
badge-error-conduct = Weka nambari ya cheti kama ilivyochapishwa: herufi, tarakimu, mikwaju au vistari 5 hadi 20
