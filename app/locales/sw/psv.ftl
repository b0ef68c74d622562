# Uraia: Kiswahili, leseni ya huduma ya barabarani ya PSV (issue 28). Kila ufunguo hapa lazima pia uwe katika
# en/psv.ftl.

psv-vehicle-title = Unataka kupatia leseni gari gani?
psv-intro = Leseni ya huduma ya barabarani inaruhusu matatu au basi kubeba abiria wanaolipa kwenye njia moja kwa mwaka mmoja. Hutolewa kwa chama cha ushirika (SACCO) au kampuni inayomiliki gari. Gari linahitaji ukaguzi wa gari ulio halali, na ada hutegemea idadi ya viti vyake.
psv-field-vehicle = Gari
psv-no-vehicles = Akaunti yako haiwakilishi chama cha ushirika (SACCO) wala kampuni inayomiliki magari. Mkurugenzi wa SACCO huongeza watu walioidhinishwa kwenye ukurasa wa shirika.
psv-seats = Viti { $seats }
psv-seats-unknown = Idadi ya viti haiko kwenye sajili
psv-inspection-until = Ukaguzi wa gari ni halali hadi { $date }
psv-inspection-none = Halijawahi kukaguliwa
psv-licensed-until = Lina leseni hadi { $date }
psv-book-inspection = Weka nafasi ya ukaguzi wa gari
psv-route-title = Litafanya kazi kwenye njia gani?
psv-field-route = Njia
psv-no-routes = Bado hakuna njia zilizoorodheshwa. Omba katika ofisi ya NTSA.
psv-period-title = Leseni ianze lini?
psv-field-starts = Siku ya kwanza ya leseni
psv-field-starts-hint = Leseni hudumu mwaka { $years } kuanzia siku hii. Chagua leo au siku isiyozidi siku { $days } kuanzia leo, kwa mfano 1 3 2027
psv-period = { $from } hadi { $to }
psv-check-hint = Afisa hukagua gari na njia. Ombi lako likiidhinishwa, leseni itakuwa kwenye kumbukumbu za gari na stakabadhi yake itakuwa kwenye ukurasa huu.
psv-result-heading = Leseni ya huduma ya barabarani
psv-fact-operator = Mmiliki wa huduma
psv-fact-route = Njia
psv-fact-seats = Viti
psv-fact-starts = Siku ya kwanza

psv-error-vehicle = Chagua mojawapo ya magari ya shirika lako
psv-error-not-passenger = { $plate } si gari la huduma ya umma (PSV): sajili haionyeshi kuwa lina viti 6 au zaidi. Omba katika ofisi ya NTSA ulisajili kama PSV
psv-error-office-band = { $plate } lina viti { $seats }. Hakuna ada iliyochapishwa kwa magari ya viti 15 hadi 26: omba leseni yake katika ofisi ya NTSA
psv-error-not-inspected = { $plate } halijawahi kukaguliwa. Gari la huduma ya umma (PSV) linahitaji ukaguzi wa gari ulio halali: weka nafasi ya ukaguzi, kisha uombe tena
psv-error-inspection-lapsed = Ukaguzi wa gari wa { $plate } uliisha tarehe { $date }. Gari la huduma ya umma (PSV) linahitaji ukaguzi wa gari ulio halali: weka nafasi ya ukaguzi, kisha uombe tena
psv-error-route = Chagua njia ambayo gari litafanya kazi
psv-error-start-missing = Andika siku ya kwanza ya leseni
psv-error-start-invalid = Andika tarehe halisi, kama 1 3 2027
psv-error-start-past = Siku ya kwanza haiwezi kuwa imepita. Andika leo au siku inayofuata
psv-error-start-ahead = Siku ya kwanza lazima isizidi siku { $days } kuanzia leo
psv-error-start-licensed = Gari lina leseni hadi { $date }. Chagua siku ya kwanza baada ya hapo
psv-error-start-inspection = Ukaguzi wa gari unaisha tarehe { $date }, kabla ya siku hiyo. Weka nafasi ya ukaguzi, au chagua siku ya mapema zaidi
