# Uraia: Kiswahili, picha za pasipoti (issue 4). Kila ufunguo hapa lazima uwe pia katika en/photo.ftl.

photo-welcome-title = Ongeza picha yako ya pasipoti
photo-account-title = Picha yako ya pasipoti
photo-intro = Baadhi ya huduma, kama leseni ya kidijitali ya udereva (Smart DL), zinahitaji picha yako ya hivi karibuni ya ukubwa wa pasipoti. Iweke mara moja tu, nasi tutaitumia kwa kila ombi.
photo-rules-heading = Picha yako lazima iwe
photo-rule-format = faili ya JPEG au PNG isiyozidi MB 2
photo-rule-size = na pikseli zisizozidi 500 x 500, na angalau 240 x 240, ili uso wako uonekane
photo-rule-face = picha ya rangi ya hivi karibuni ya uso wako, ukiangalia kamera moja kwa moja, mbele ya mandharinyuma ya rangi moja nyepesi
photo-crop-note = Picha yako ikizidi pikseli 500 x 500, ukurasa huu utakupa chaguo la kukata mraba kuzunguka uso wako na kuipunguza. Chaguo hilo lisipoonekana, kata picha kwanza kwa kihariri picha cha simu yako.
photo-current = Picha yako ya sasa
photo-current-alt = Picha yako ya pasipoti
photo-added-on = Iliongezwa tarehe { $date }
photo-none = Bado hujaongeza picha.
photo-field = Chagua picha
photo-field-hint = JPEG au PNG, isiyozidi pikseli 500 x 500 na MB 2.
photo-upload = Pakia picha
photo-replace = Pakia picha mpya
photo-remove = Ondoa picha
photo-later = Nitaongeza picha baadaye
photo-later-hint = Unaweza kuiongeza wakati wowote kutoka Akaunti yako. Utaombwa uiweke utakapoomba huduma inayoihitaji.
photo-status-label = Picha ya pasipoti
photo-status-added = Imeongezwa
photo-status-missing = Haijaongezwa
photo-add-link = Ongeza picha
photo-change-link = Badilisha au ondoa picha yako

photo-notice-saved = Picha yako imehifadhiwa.
photo-notice-removed = Picha yako imeondolewa.

photo-error-missing = Chagua picha ya kupakia
photo-error-too-large = Faili yako ina ukubwa wa MB { $size }. Chagua picha isiyozidi MB 2
photo-error-not-image = Faili uliyochagua si picha. Chagua picha ya JPEG au PNG
photo-error-format = Faili yako ni picha ya { $format }. Chagua picha ya JPEG au PNG
photo-error-too-big = Picha yako ina pikseli { $width } x { $height }. Chagua picha isiyozidi pikseli 500 x 500, au ikate kwanza
photo-error-too-small = Picha yako ina pikseli { $width } x { $height }. Chagua picha yenye angalau pikseli 240 x 240 ili uso wako uonekane
photo-error-corrupt = Faili uliyochagua imeharibika au haijakamilika. Chagua picha tena, au piga mpya
photo-error-interrupted = Upakiaji haukukamilika. Hakikisha una mtandao, kisha ujaribu tena
photo-error-throttled = Umepakia picha 20 katika dakika 15 zilizopita. Subiri dakika moja, kisha ujaribu tena
photo-error-throttled-minutes = Umepakia picha 20 katika dakika 15 zilizopita. Subiri dakika { $minutes }, kisha ujaribu tena
photo-error-throttled-hour = Umepakia picha 20 katika dakika 15 zilizopita. Subiri saa moja, kisha ujaribu tena

photo-crop-heading = Kata picha yako kwa ukubwa unaofaa
photo-crop-help = Picha yako ina pikseli { $width } x { $height }. Sogeza mraba juu ya uso wako (uvute, au tumia vitufe vya mishale), kisha bofya Pakia picha: mraba utakuwa na pikseli 500 x 500.
photo-crop-canvas = Picha yako na mraba utakaobaki. Tumia vitufe vya mishale kusogeza mraba.
photo-crop-size = Ukubwa wa mraba
photo-preview-alt = Picha uliyochagua
photo-preview-ok = Picha yako ina pikseli { $width } x { $height }: inatimiza masharti ya ukubwa.
photo-preview-unknown = Faili hii haiwezi kuonyeshwa hapa. Bado unaweza kuipakia nasi tutaikagua.
photo-uploading = Inapakia picha yako
photo-upload-failed = Upakiaji haukukamilika. Hakikisha una mtandao, kisha ujaribu tena.
photo-needed-for-application = Leseni ya kidijitali inahitaji picha yako ya pasipoti. Iongeze hapa, kisha utarudi kwenye ombi lako.
