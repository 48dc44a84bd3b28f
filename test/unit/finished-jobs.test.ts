import { describe, expect, test } from '@jest/globals';
import type { Job, JobSettings } from '@aws-sdk/client-mediaconvert';
import { finishedJobOf, outputsOf, outputUrisOf } from '../../src/job/finished-jobs.js';

const INPUT = 's3://in/enc/masters/show.ep1.mov';

function settings(groups: JobSettings['OutputGroups']): JobSettings {
  return { Inputs: [{ FileInput: INPUT }], OutputGroups: groups };
}

const FILE_GROUP: NonNullable<JobSettings['OutputGroups']>[number] = {
  OutputGroupSettings: {
    Type: 'FILE_GROUP_SETTINGS',
    FileGroupSettings: { Destination: 's3://out/renditions/' },
  },
  Outputs: [
    { NameModifier: '-1080p', ContainerSettings: { Container: 'MP4' } },
    { NameModifier: '-x', Extension: 'm4v', ContainerSettings: { Container: 'MP4' } },
  ],
};

describe('outputsOf', () => {
  test('files, manifests and child playlists of every group, in order; no segments', () => {
    const out = outputsOf(
      settings([
        FILE_GROUP,
        {
          OutputGroupSettings: {
            Type: 'HLS_GROUP_SETTINGS',
            HlsGroupSettings: {
              Destination: 's3://out/hls/',
              SegmentLength: 6,
              MinSegmentLength: 0,
            },
          },
          Outputs: [{ NameModifier: '_720' }],
        },
        {
          OutputGroupSettings: {
            Type: 'DASH_ISO_GROUP_SETTINGS',
            DashIsoGroupSettings: {
              Destination: 's3://out/dash/master',
              SegmentLength: 30,
              FragmentLength: 2,
            },
          },
          Outputs: [{ NameModifier: '_v' }],
        },
        {
          OutputGroupSettings: {
            Type: 'CMAF_GROUP_SETTINGS',
            CmafGroupSettings: {
              Destination: 's3://out/cmaf/',
              SegmentLength: 6,
              FragmentLength: 2,
              WriteDashManifest: 'DISABLED',
            },
          },
          Outputs: [{ NameModifier: '_a' }],
        },
      ]),
    );
    expect(out.map((o) => [o.group, o.kind, o.uri])).toEqual([
      [0, 'file', 's3://out/renditions/show.ep1-1080p.mp4'],
      [0, 'file', 's3://out/renditions/show.ep1-x.m4v'],
      [1, 'manifest', 's3://out/hls/show.ep1.m3u8'],
      [1, 'playlist', 's3://out/hls/show.ep1_720.m3u8'],
      [2, 'manifest', 's3://out/dash/master.mpd'],
      [3, 'manifest', 's3://out/cmaf/show.ep1.m3u8'],
      [3, 'playlist', 's3://out/cmaf/show.ep1_a.m3u8'],
    ]);
    expect(out[0]!.type).toBe('FILE_GROUP_SETTINGS');
  });

  test('nothing for no settings or a group without destination', () => {
    expect(outputsOf(undefined)).toEqual([]);
    expect(
      outputsOf(
        settings([{ OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS' }, Outputs: [{}] }]),
      ),
    ).toEqual([]);
  });
});

describe('finishedJobOf', () => {
  const job: Job = {
    Id: 'j1',
    Role: 'r',
    Status: 'COMPLETE',
    Settings: settings([FILE_GROUP]),
    Timing: {
      SubmitTime: new Date('2026-12-02T01:00:00Z'),
      StartTime: new Date('2026-12-02T01:00:10Z'),
      FinishTime: new Date('2026-12-02T01:01:25.5Z'),
    },
  };

  test('a COMPLETE job: processing time and its outputs', () => {
    const f = finishedJobOf(job);
    expect(f.durationSeconds).toBe(75.5);
    expect(f.outputs).toHaveLength(2);
  });

  test('a failed job lists no outputs; without StartTime the duration counts from submit', () => {
    const f = finishedJobOf({
      ...job,
      Status: 'ERROR',
      Timing: { ...job.Timing, StartTime: undefined },
    });
    expect(f).toEqual({ id: 'j1', status: 'ERROR', durationSeconds: 85.5, outputs: [] });
  });

  test('output-uris keeps job order and status, with empty outputs for unknown jobs', () => {
    const f = finishedJobOf(job);
    expect(
      outputUrisOf(
        [
          { id: 'j0', status: 'TIMED_OUT' },
          { id: 'j1', status: 'COMPLETE' },
        ],
        [f],
      ),
    ).toEqual([
      { jobId: 'j0', status: 'TIMED_OUT', outputs: [] },
      { jobId: 'j1', status: 'COMPLETE', outputs: f.outputs },
    ]);
  });
});
