/** The job templates the local stack provisions, in MediaConvert's wire format (camelCase). */

export const JOB_TEMPLATE = 'local-mp4';

/** A small H.264/AAC MP4 rendition written under `outputPrefix`. */
export function mp4Template(outputPrefix: string) {
  return {
    name: JOB_TEMPLATE,
    description: 'Small H.264/AAC MP4 rendition',
    settings: {
      outputGroups: [
        {
          name: 'File Group',
          outputGroupSettings: {
            type: 'FILE_GROUP_SETTINGS',
            fileGroupSettings: { destination: outputPrefix },
          },
          outputs: [
            {
              nameModifier: '-240p',
              containerSettings: { container: 'MP4', mp4Settings: {} },
              videoDescription: {
                width: 320,
                height: 240,
                codecSettings: {
                  codec: 'H_264',
                  h264Settings: { rateControlMode: 'CBR', bitrate: 500000 },
                },
              },
              audioDescriptions: [
                {
                  codecSettings: {
                    codec: 'AAC',
                    aacSettings: {
                      bitrate: 96000,
                      codingMode: 'CODING_MODE_2_0',
                      sampleRate: 48000,
                    },
                  },
                },
              ],
            },
          ],
        },
      ],
    },
  };
}
