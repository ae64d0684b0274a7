import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Upload } from './upload.entity';
import { UploadStorage } from './upload-storage';
import { UploadThrottle } from './upload-throttle';
import { UploadsController } from './uploads.controller';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';

/** Images members upload (missions' photo evidence); `UploadsService` for the features that attach them. */
@Module({
  imports: [TypeOrmModule.forFeature([Upload])],
  controllers: [UploadsController],
  providers: [UploadsService, UploadsRepository, UploadStorage, UploadThrottle],
  exports: [UploadsService],
})
export class UploadsModule {}
