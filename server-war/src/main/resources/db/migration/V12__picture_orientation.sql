-- A picture stored turned (a photo taken sideways, whose EXIF says so): its EXIF orientation, so that
-- readers which do not apply EXIF themselves (the desktop app's) can turn it (docs/protocol.md, "File").
ALTER TABLE shared_file ADD COLUMN orientation smallint;
