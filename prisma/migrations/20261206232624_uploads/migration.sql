-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "displayWidth" INTEGER NOT NULL,
    "displayHeight" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_ownerId_createdAt_idx" ON "Upload"("ownerId", "createdAt");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What lib/uploads/ promises about every stored image, kept by the database too.
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_id_check" CHECK ("id" ~ '^[A-Za-z0-9_-]{22}$');
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_bytes_check" CHECK ("bytes" > 0);
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_size_check" CHECK ("width" > 0 AND "height" > 0 AND "displayWidth" BETWEEN 1 AND "width" AND "displayHeight" BETWEEN 1 AND "height");
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_mime_check" CHECK ("mime" IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif'));
