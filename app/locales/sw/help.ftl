## Kurasa za msaada: moja kwa kila huduma iliyo wazi kwenye Uraia na kwa kila swali la kawaida.

help-title = Msaada
help-link = Msaada
help-intro = Majibu kuhusu kila huduma na kuhusu kulipa, kurejeshewa pesa na akaunti yako. Ikiwa jibu lako halipo hapa, wasiliana nasi.
help-services-heading = Huduma
help-general-heading = Maswali ya kawaida
help-contact-heading = Bado unahitaji msaada?
help-contact-text = Uliza NTSA: tunajibu ndani ya siku 2 za kazi.
help-found-heading = Kurasa za msaada
help-no-fee = Hakuna ada.
help-go-to-service = Nenda kwa { $service }

help-section-need = Unachohitaji kabla ya kuanza
help-section-time = Muda unaochukua
help-section-fee = Ada
help-section-refused = Kwa nini maombi hukataliwa
help-section-after = Kinachofuata baada ya kulipa
help-section-how = Jinsi ya kulipa
help-section-failed = Malipo yasipofaulu
help-section-refunds = Kurejeshewa pesa
help-section-signin = Kuingia
help-section-codes = Misimbo kupitia SMS na barua pepe
help-section-photo = Picha yako ya pasipoti

help-dl-renewal-title = Msaada: kuhuisha leseni ya udereva
help-dl-renewal-keywords = huisha leseni imeisha muda smart DL kadi stakabadhi faini
help-dl-renewal-time = Dakika chache mtandaoni. Leseni huhuishwa mara tu ikilipiwa, na stakabadhi iko tayari papo hapo. Kadi ya leseni ya kidijitali (Smart DL) huchukuliwa kwenye kituo ulichochagua.
help-dl-renewal-refused = Uhuishaji hukataliwa leseni isipokuwa yako au isipokuwa kwenye sajili, au faini za barabarani zisipolipwa. Sababu iko kwenye ukurasa wa ombi lako.
help-dl-renewal-after = Risiti yako na stakabadhi ya uhuishaji ziko kwenye ukurasa wa ombi. Mtu yeyote anaweza kukagua stakabadhi kwa msimbo uliochapishwa juu yake. Ibebe hadi kadi yako ifike.

help-tims-title = Msaada: kuunganisha akaunti yako ya zamani ya TIMS
help-tims-keywords = TIMS akaunti ya zamani unganisha hamisha magari leseni
help-tims-time = Dakika chache.
help-tims-refused = Akaunti ya zamani huunganishwa tu PIN yako ya KRA au nambari ya kitambulisho ikilingana na kumbukumbu zake. Baada ya majaribio 5 yasiyolingana kwa siku, subiri hadi siku inayofuata.
help-tims-after = Magari na leseni za akaunti ya zamani huonekana kwenye Huduma zako.

help-inspection-title = Msaada: kuweka nafasi ya ukaguzi wa gari
help-inspection-keywords = ukaguzi nafasi kituo tarehe gari
help-inspection-time = Chagua kituo, tarehe na saa, kisha ulipe ndani ya dakika 15 tunapokushikilia nafasi. Nafasi huthibitishwa mara tu ikilipiwa.
help-inspection-refused = Muda wa nafasi uliyoshikilia ukiisha kabla malipo yako hayajafika na nafasi zikiwa zimejaa, afisa atakupa muda mwingine au ada yako itarejeshwa.
help-inspection-after = Leta gari na stakabadhi ya nafasi kwenye kituo siku hiyo, dakika 15 mapema. Stakabadhi si cheti cha kupita ukaguzi.

help-registration-title = Msaada: usajili wa gari
help-registration-keywords = sajili usajili gari jipya kutoka nje chasisi injini forodha nambari ya usajili logbook
help-registration-time = Afisa hukagua ombi, kwa kawaida ndani ya siku 2 za kazi. Akikuuliza swali, lijibu kwenye ukurasa wa ombi.
help-registration-refused = Ombi hukataliwa hati zisipothibitisha linachosema, nambari ya chasisi au ya forodha isipolingana na kumbukumbu, au gari likiwa limeshasajiliwa. Unaweza kurekebisha ombi lililokataliwa na uliwasilishe tena bila kulipa tena.
help-registration-after = Likiidhinishwa, stakabadhi ya usajili yenye nambari ya usajili wa gari iko kwenye ukurasa wa ombi. Kitabu cha kumbukumbu za gari (logbook) hufuata.

help-transfer-title = Msaada: uhamisho wa umiliki wa gari
help-transfer-keywords = uhamisho umiliki uza nunua gari muuzaji mnunuzi logbook
help-transfer-time = Muuzaji hulipa na kuanzisha uhamisho; mnunuzi ana siku 14 za kuukubali kutoka kwenye akaunti yake. Gari ni lake mara tu akikubali.
help-transfer-refused = Uhamisho husimama mnunuzi akiukataa au asipojibu ndani ya siku 14, au kizuizi kikiwekwa kwenye gari. Afisa akiukataa, unaweza kuurekebisha na uuwasilishe tena bila kulipa tena.
help-transfer-after = Muuzaji na mnunuzi kila mmoja hupata uthibitisho wake wa kupakua na kukagua. Uhamisho usipoweza kuendelea, ada inarejeshwa.

help-vehicle-search-title = Msaada: kutafuta kumbukumbu za gari
help-vehicle-search-keywords = tafuta kumbukumbu gari mmiliki kabla ya kununua nambari historia
help-vehicle-search-time = Papo hapo, mara tu ikilipiwa.
help-vehicle-search-refused = Kumbukumbu hutolewa tu kwa nambari ya usajili wa gari iliyo kwenye sajili. Kagua nambari kabla ya kulipa.
help-vehicle-search-after = Nakala ya kumbukumbu, kama ilivyokuwa kwenye sajili ulipolipa, iko kwenye ukurasa wa ombi. Mtu yeyote anaweza kuikagua kwa msimbo wake.

help-provisional-dl-title = Msaada: leseni ya mwanafunzi ya udereva
help-provisional-dl-keywords = mwanafunzi kibali PDL L daraja umri
help-provisional-dl-time = Dakika chache mtandaoni, kisha afisa hukagua ombi, kwa kawaida ndani ya siku 2 za kazi.
help-provisional-dl-refused = Daraja hukataliwa kabla ya kulipa ukiwa bado mdogo kwa umri wake (ukurasa unasema siku utakapofikisha umri), leseni yako ikiwa tayari nalo, au leseni ya mwanafunzi ya daraja hilo ikiwa bado ni halali. Afisa hukataa ombi taarifa za sajili zikiwa na shaka; unaweza kulirekebisha na kuliwasilisha tena bila kulipa mara mbili.
help-provisional-dl-after = Likikubaliwa, leseni ya mwanafunzi iko kwenye ukurasa wako kwa miezi 3, pamoja na stakabadhi ya kupakua. Jiandikishe kwenye shule ya udereva kwa daraja hilo.

help-driving-test-title = Msaada: kuweka nafasi ya mtihani wa udereva
help-driving-test-keywords = mtihani udereva nafasi kituo tarehe saa shule kufaulu badilisha ghairi
help-driving-test-time = Chagua kituo cha mtihani, tarehe na saa, kisha ulipe ndani ya dakika 15 tunapokushikilia nafasi. Unaweza kubadilisha au kughairi nafasi hadi saa 24 kabla.
help-driving-test-refused = Unaweza kuweka nafasi ya daraja ambalo shule yako ya udereva imeweka alama kwamba mafunzo yake yamekamilika tu, leseni yako ya mwanafunzi ya daraja hilo ikiwa halali, na nafasi moja kwa daraja kwa wakati mmoja.
help-driving-test-after = Leta leseni yako ya mwanafunzi na kitambulisho cha taifa kwenye kituo siku hiyo. Mtahini huandika matokeo kwenye ombi lako; ukifaulu unapata cheti cha umahiri kilicho halali kwa miezi 3, ambapo unaomba leseni yako ya kwanza ya kidijitali.

help-psv-badge-title = Msaada: beji ya PSV
help-psv-badge-keywords = beji PSV dereva kondakta matatu basi tabia njema
help-psv-badge-time = Dakika chache mtandaoni, kisha afisa hukagua cheti cha tabia njema, kwa kawaida ndani ya siku 2 za kazi.
help-psv-badge-refused = Dereva lazima awe na miaka 21 au zaidi na leseni halali yenye daraja la PSV kwa miaka 3; kondakta lazima awe na miaka 18 au zaidi. Ukurasa unasema sharti lipi halijatimizwa na siku litakapotimizwa, ikiwepo. Afisa hukataa ombi ambalo nambari ya cheti chake si sahihi.
help-psv-badge-after = Likikubaliwa, stakabadhi ya beji iko kwenye ukurasa wa ombi; mtu yeyote anaweza kuikagua kwa msimbo uliochapishwa juu yake.

help-psv-licence-title = Msaada: leseni ya huduma ya barabarani ya matatu au basi
help-psv-licence-keywords = matatu basi PSV leseni huduma barabarani SACCO njia viti ukaguzi
help-psv-licence-time = Dakika chache mtandaoni kwa mmoja wa watu walioidhinishwa wa SACCO au kampuni, kisha afisa hukagua gari na njia, kwa kawaida ndani ya siku 2 za kazi.
help-psv-licence-refused = Gari linahitaji ukaguzi wa gari ulio halali (ukurasa una kiungo cha kuweka nafasi ya ukaguzi) na viti 6 hadi 14 au zaidi ya 26: hakuna ada iliyochapishwa kwa viti 15 hadi 26, kwa hivyo hayo hupewa leseni katika ofisi ya NTSA. Afisa hukataa ombi la njia ambayo gari haliruhusiwi; unaweza kulirekebisha na kuliwasilisha tena bila kulipa mara mbili.
help-psv-licence-after = Likiidhinishwa, leseni na siku yake ya mwisho viko kwenye kumbukumbu za gari, na stakabadhi yake iko kwenye ukurasa wa ombi; mtu yeyote anaweza kuikagua kwa msimbo uliochapishwa juu yake.

help-first-dl-title = Msaada: leseni yako ya kwanza ya kidijitali ya udereva
help-first-dl-keywords = leseni ya kwanza kidijitali kadi umefaulu mtihani cheti umahiri kituo
help-first-dl-time = Dakika chache mtandaoni, kisha afisa wa kituo ulichochagua kuchukulia kadi hukagua ombi, kwa kawaida ndani ya siku 2 za kazi.
help-first-dl-refused = Unaweza kuomba tu cheti cha umahiri ulichopata ukifaulu kikiwa bado halali (miezi 3), kwa madaraja ambayo leseni yako haina bado. Afisa hukataa ombi picha au taarifa zikiwa si sahihi; unaweza kulirekebisha na kuliwasilisha tena bila kulipa mara mbili.
help-first-dl-after = Likikubaliwa, leseni iko kwenye sajili na kwenye ukurasa wako, na stakabadhi yake ni uthibitisho wake hadi utakapochukua kadi. NTSA hutuma SMS kadi ikiwa tayari.

help-dl-replacement-title = Msaada: kubadilisha leseni ya kidijitali ya udereva
help-dl-replacement-keywords = badilisha imepotea iliibwa imeharibika kadi nakala polisi ripoti
help-dl-replacement-time = Dakika chache mtandaoni, kisha afisa wa kituo ulichochagua kuchukulia kadi hukagua ombi, kwa kawaida ndani ya siku 2 za kazi.
help-dl-replacement-refused = Leseni iliyoisha huhuishwa, haibadilishwi. Kadi iliyopotea au iliyoibwa inahitaji ripoti ya polisi; afisa hukataa ombi ambalo ripoti yake si sahihi, nawe unaweza kulirekebisha na kuliwasilisha tena bila kulipa mara mbili.
help-dl-replacement-after = Likikubaliwa, kadi ya zamani na stakabadhi yake si halali tena (ukaguzi wa umma unasema ilibadilishwa), na stakabadhi ya kadi mpya ni uthibitisho wa leseni yako hadi utakapochukua kadi.

help-paying-title = Msaada: kulipa na kurejeshewa pesa
help-paying-keywords = lipa malipo M-Pesa paybill kadi rejesha kurejesha pesa imelipwa mara mbili kiasi kisicho sahihi
help-paying-how = Lipa kwa M-Pesa (kidirisha kwenye simu yako, au Pay Bill kutoka kwenye menyu ya M-Pesa au programu ya benki yako ukitumia nambari ya kumbukumbu ya ombi kama nambari ya akaunti), au kwa kadi ya benki. Kila ombi huonyesha jumla yake.
help-paying-failed = Kidirisha kisipofaulu hakuna kinachochukuliwa: jaribu tena, au lipa kwa Pay Bill. Pesa zikitoka kwenye akaunti yako na ombi lisiendelee, usilipe tena: wasiliana nasi ukiwa na risiti ya M-Pesa.
help-paying-refunds = Pesa zilizolipwa mara mbili, kiasi kisicho sahihi, au kwa ombi lililoisha bila huduma yake hurejeshwa kwa njia zilizokuja: kwenye nambari ya M-Pesa iliyolipa, au kwenye kadi. Utapata SMS na barua pepe zikirejeshwa, na ukurasa wa ombi utaonyesha hivyo. Pesa zilizolipwa kwa nambari ya akaunti iliyokosewa hutafutwa na kuunganishwa na NTSA.

help-account-title = Msaada: akaunti yako
help-account-keywords = akaunti ingia nenosiri msimbo SMS barua pepe picha haujafika
help-account-signin = Ingia kwa anwani yako ya barua pepe au nambari ya kitambulisho na nenosiri lako, kisha msimbo tunaotuma kwenye simu yako au barua pepe.
help-account-codes = Msimbo hufanya kazi kwa dakika chache. Usipofika, subiri dakika moja uombe mwingine, na uhakikishe simu yako inaweza kupokea SMS. Usimpe mtu yeyote msimbo, hata watumishi wa NTSA.
help-account-photo = Picha yako ya pasipoti lazima iwe JPEG au PNG yenye pikseli zisizozidi 500 x 500, uso wako ukionekana wazi mbele ya mandharinyuma matupu.
