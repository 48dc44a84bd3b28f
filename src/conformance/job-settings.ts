/**
 * The tiny job every conformance case runs: one MP4 rendition (H.264 320x240, AAC), about the
 * cheapest output MediaConvert makes. The ciphertext input's DecryptionSettings are filled in
 * by the action as for any job.
 */
export function conformanceJobSettings(outputPrefix: string): object {
  return {
    Settings: {
      Inputs: [
        {
          AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } },
          VideoSelector: {},
          TimecodeSource: 'ZEROBASED',
        },
      ],
      OutputGroups: [
        {
          Name: 'File Group',
          OutputGroupSettings: {
            Type: 'FILE_GROUP_SETTINGS',
            FileGroupSettings: { Destination: outputPrefix },
          },
          Outputs: [
            {
              NameModifier: '-conformance',
              ContainerSettings: { Container: 'MP4', Mp4Settings: {} },
              VideoDescription: {
                Width: 320,
                Height: 240,
                CodecSettings: {
                  Codec: 'H_264',
                  H264Settings: { RateControlMode: 'CBR', Bitrate: 400000 },
                },
              },
              AudioDescriptions: [
                {
                  CodecSettings: {
                    Codec: 'AAC',
                    AacSettings: {
                      Bitrate: 96000,
                      CodingMode: 'CODING_MODE_2_0',
                      SampleRate: 48000,
                    },
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    UserMetadata: { pipeline: 'mediaconvert-encrypt-conformance' },
  };
}
