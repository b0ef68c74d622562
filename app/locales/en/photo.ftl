# Uraia: English, passport photos (issue 4). Every key here must also be in sw/photo.ftl (a test checks).

photo-welcome-title = Add your passport photo
photo-account-title = Your passport photo
photo-intro = Some services, such as a smart driving licence, need a recent passport-size photo of you. Add it once and we will use it for every application.
photo-rules-heading = Your photo must be
photo-rule-format = a JPEG or PNG file of at most 2 MB
photo-rule-size = at most 500 x 500 pixels, and at least 240 x 240 pixels so your face can be seen
photo-rule-face = a recent colour photo of your face, looking straight at the camera, on a plain light background
photo-crop-note = If your photo is larger than 500 x 500 pixels, this page offers to cut a square around your face and make it smaller. If that does not appear, crop the photo in your phone's photo editor first.
photo-current = Your current photo
photo-current-alt = Your passport photo
photo-added-on = Added on { $date }
photo-none = You have not added a photo yet.
photo-field = Choose a photo
photo-field-hint = JPEG or PNG, at most 500 x 500 pixels and 2 MB.
photo-upload = Upload photo
photo-replace = Upload a new photo
photo-remove = Remove photo
photo-later = Add a photo later
photo-later-hint = You can add it at any time from Your account. You will be asked for it when you apply for a service that needs it.
photo-status-label = Passport photo
photo-status-added = Added
photo-status-missing = Not added
photo-add-link = Add a photo
photo-change-link = Change or remove your photo

photo-notice-saved = Your photo has been saved.
photo-notice-removed = Your photo has been removed.

photo-error-missing = Choose a photo to upload
photo-error-too-large = Your file is { $size } MB. Choose a photo of at most 2 MB
photo-error-not-image = The file you chose is not a picture. Choose a JPEG or PNG photo
photo-error-format = Your file is a { $format } picture. Choose a JPEG or PNG photo
photo-error-too-big = Your photo is { $width } x { $height } pixels. Choose a photo of at most 500 x 500 pixels, or crop it first
photo-error-too-small = Your photo is { $width } x { $height } pixels. Choose a photo of at least 240 x 240 pixels so your face can be seen
photo-error-corrupt = The file you chose is damaged or incomplete. Choose the photo again, or take a new one
photo-error-interrupted = The upload did not finish. Check your connection and try again
photo-error-throttled = You have uploaded 20 photos in the last 15 minutes. Wait a minute, then try again
photo-error-throttled-minutes = You have uploaded 20 photos in the last 15 minutes. Wait { $minutes } minutes, then try again
photo-error-throttled-hour = You have uploaded 20 photos in the last 15 minutes. Wait an hour, then try again

photo-crop-heading = Cut your photo to size
photo-crop-help = Your photo is { $width } x { $height } pixels. Move the square over your face (drag it, or use the arrow keys), then select Upload photo: the square is made 500 x 500 pixels.
photo-crop-canvas = Your photo with the square to keep. Use the arrow keys to move the square.
photo-crop-size = Size of the square
photo-preview-alt = The photo you chose
photo-preview-ok = Your photo is { $width } x { $height } pixels: it meets the size rules.
photo-preview-unknown = This file cannot be shown here. You can still upload it and we will check it.
photo-uploading = Uploading your photo
photo-upload-failed = The upload did not finish. Check your connection and try again.
photo-needed-for-application = A smart licence needs your passport photo. Add it here, then you will go back to your application.
