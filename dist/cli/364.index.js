export const id = 364;
export const ids = [364];
export const modules = {

/***/ 3364:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;
const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, getDefaultSocketTimeout, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(544);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = __webpack_require__(7138);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(3042);
const { Command: $Command } = __webpack_require__(3042);
__webpack_unused_export__ = $Command;
__webpack_unused_export__ = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(9467);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(8869);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(1342);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3129);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(5066);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(8915);
const { defaultProvider } = __webpack_require__(4213);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(7518);
const { streamCollector, NodeHttpHandler } = __webpack_require__(3343);
const { AwsRestJsonProtocol } = __webpack_require__(7368);
const { Sha256 } = __webpack_require__(566);

const defaultMediaConvertHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "mediaconvert",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultMediaConvertHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "mediaconvert",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1168.0";
var packageInfo = {
	version: version};

const m = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = "stringEquals", h = { [m]: "Endpoint" }, i = { [m]: d }, j = { [m]: "Region" }, k = {}, l = [j];
const _data = {
    conditions: [
        [c, [h]],
        [c, l],
        ["aws.partition", l, d],
        [e, [{ [m]: "UseFIPS" }, b]],
        [e, [{ [m]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [i, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [i, "supportsFIPS"] }, b]],
        [g, [{ fn: f, argv: [i, "name"] }, "aws-us-gov"]],
        [g, [j, "cn-northwest-1"]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [h, k],
        ["https://mediaconvert-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", k],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://mediaconvert.{Region}.amazonaws.com", k],
        ["https://mediaconvert-fips.{Region}.{PartitionResult#dnsSuffix}", k],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://mediaconvert.{Region}.{PartitionResult#dualStackDnsSuffix}", k],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://subscribe.mediaconvert.cn-northwest-1.amazonaws.com.cn", k],
        ["https://mediaconvert.{Region}.{PartitionResult#dnsSuffix}", k],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 14, 3,
    1, 4, r + 13,
    2, 5, r + 13,
    3, 9, 6,
    4, 8, 7,
    8, r + 11, r + 12,
    5, r + 9, r + 10,
    4, 12, 10,
    6, 11, r + 8,
    7, r + 6, r + 7,
    5, 13, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 15,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class MediaConvertServiceException extends ServiceException {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.mediaconvert#MediaConvertServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, MediaConvertServiceException.prototype);
    }
}

class BadRequestException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#BadRequestException";
    name = "BadRequestException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "BadRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BadRequestException.prototype);
        this.Message = opts.Message;
    }
}
class ConflictException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#ConflictException";
    name = "ConflictException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "ConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConflictException.prototype);
        this.Message = opts.Message;
    }
}
class ForbiddenException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#ForbiddenException";
    name = "ForbiddenException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "ForbiddenException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ForbiddenException.prototype);
        this.Message = opts.Message;
    }
}
class InternalServerErrorException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#InternalServerErrorException";
    name = "InternalServerErrorException";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "InternalServerErrorException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServerErrorException.prototype);
        this.Message = opts.Message;
    }
}
class NotFoundException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#NotFoundException";
    name = "NotFoundException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "NotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NotFoundException.prototype);
        this.Message = opts.Message;
    }
}
class ServiceQuotaExceededException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#ServiceQuotaExceededException";
    name = "ServiceQuotaExceededException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "ServiceQuotaExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
        this.Message = opts.Message;
    }
}
class TooManyRequestsException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#TooManyRequestsException";
    name = "TooManyRequestsException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "TooManyRequestsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyRequestsException.prototype);
        this.Message = opts.Message;
    }
}
class UnprocessableEntityException extends MediaConvertServiceException {
    static shapeId = "com.amazonaws.mediaconvert#UnprocessableEntityException";
    name = "UnprocessableEntityException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "UnprocessableEntityException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, UnprocessableEntityException.prototype);
        this.Message = opts.Message;
    }
}

const _A = "Arn";
const _AA = "AntiAlias";
const _AAO = "AdAvailOffset";
const _AAR = "AutomatedAbrRule";
const _AAS = "AutomatedAbrSettings";
const _AB = "AvailBlanking";
const _ABI = "AvailBlankingImage";
const _ABM = "AudioBufferModel";
const _ABl = "AlphaBehavior";
const _AC = "AlgorithmControl";
const _ACA = "AuthConnectionArn";
const _ACCSIU = "AudioChannelConfigSchemeIdUri";
const _ACH = "AccessibilityCaptionHints";
const _ACR = "AssociateCertificateRequest";
const _ACRs = "AssociateCertificateResponse";
const _ACS = "AudioCodecSettings";
const _ACTS = "AudioChannelTaggingSettings";
const _ACc = "AccessControl";
const _ACs = "AssociateCertificate";
const _ACt = "AttenuationControl";
const _AD = "AudioDescription";
const _ADAC = "AudioDescriptionAudioChannel";
const _ADBM = "AudioDescriptionBroadcasterMix";
const _ADC = "AudioDurationCorrection";
const _ADDC = "AudioDescriptionDataChannel";
const _ADM = "AudioDescriptionMix";
const _ADu = "AudioDuration";
const _ADud = "AudioDeduplication";
const _ADudi = "AudioDescriptions";
const _AES = "AutomatedEncodingSettings";
const _AF = "AdiFilename";
const _AFC = "ApplyFontColor";
const _AFPP = "AudioFramesPerPes";
const _AGI = "AudioGroupId";
const _AI = "AssetId";
const _AIC = "AvcIntraClass";
const _AIF = "AdvancedInputFilter";
const _AIFS = "AdvancedInputFilterSettings";
const _AIS = "AvcIntraSettings";
const _AIUS = "AvcIntraUhdSettings";
const _AM = "AdditionalManifests";
const _AMd = "AdMarkers";
const _AMg = "AggressiveMode";
const _AN = "AssetName";
const _ANS = "AudioNormalizationSettings";
const _AOC = "AudioOnlyContainer";
const _AOH = "AudioOnlyHeader";
const _AP = "AudioProperties";
const _APCS = "AudioPitchCorrectionSettings";
const _APOD = "AudioPtsOffsetDelta";
const _APu = "AudioPids";
const _AQ = "AdaptiveQuantization";
const _AQS = "Av1QvbrSettings";
const _AR = "AspectRatio";
const _ARS = "AllowedRenditionSize";
const _ARSu = "AudioRenditionSets";
const _ARl = "AllowedRenditions";
const _AS = "AacSettings";
const _ASG = "AudioSelectorGroup";
const _ASGu = "AudioSelectorGroups";
const _ASN = "AudioSourceName";
const _ASNu = "AudioSelectorNames";
const _ASNud = "AudioSourceNames";
const _ASS = "AncillarySourceSettings";
const _ASb = "AbrSettings";
const _ASc = "Ac3Settings";
const _AScc = "AccelerationSettings";
const _AScce = "AccelerationStatus";
const _ASce = "Ac4Settings";
const _ASf = "AfdSignaling";
const _ASi = "AiffSettings";
const _ASu = "AudioSelector";
const _ASud = "AudioSelectors";
const _ASv = "Av1Settings";
const _AT = "AddTexture";
const _ATC = "AudioTypeControl";
const _ATFS = "AlternateTransferFunctionSei";
const _ATI = "AudioTrackIndexes";
const _ATT = "AudioTrackType";
const _ATu = "AudioType";
const _AWP = "ActiveWatermarkProcess";
const _Ac = "Accessibility";
const _Al = "Algorithm";
const _Ali = "Alignment";
const _An = "Anchor";
const _B = "Bitrate";
const _BC = "BackgroundColor";
const _BCi = "BitrateClass";
const _BCr = "BreakoutCode";
const _BD = "BitDepth";
const _BDS = "BurninDestinationSettings";
const _BL = "BaseLayer";
const _BM = "BitstreamMode";
const _BMu = "BufferModel";
const _BO = "BackgroundOpacity";
const _BPX = "BluePrimaryX";
const _BPY = "BluePrimaryY";
const _BR = "BitRate";
const _BRE = "BadRequestException";
const _BRF = "BandwidthReductionFilter";
const _BRL = "ByteRateLimit";
const _BTS = "BillingTagsSource";
const _BU = "BaseUrl";
const _Br = "Brightness";
const _C = "Channels";
const _CA = "CreatedAt";
const _CAM = "CmafAdditionalManifest";
const _CAa = "CannedAcl";
const _CAe = "CertificateArn";
const _CAl = "ClapAtom";
const _CAs = "CslgAtom";
const _CC = "ClientCache";
const _CCDLUTS = "ColorConversion3DLUTSetting";
const _CCDLUTSo = "ColorConversion3DLUTSettings";
const _CCT = "CaptionContainerType";
const _CCa = "CaptionChannel";
const _CCo = "ColorCorrector";
const _CD = "CaptionDescription";
const _CDP = "CaptionDescriptionPreset";
const _CDS = "CaptionDestinationSettings";
const _CDa = "CaptionDescriptions";
const _CE = "ConflictException";
const _CES = "CmafEncryptionSettings";
const _CFR = "CodedFrameRate";
const _CGL = "CorrectionGateLevel";
const _CGS = "CmafGroupSettings";
const _CI = "ChannelsIn";
const _CIBTPS = "CmafImageBasedTrickPlaySettings";
const _CIBTPV = "CmafImageBasedTrickPlayVariant";
const _CIV = "ConstantInitializationVector";
const _CJ = "ConcurrentJobs";
const _CJR = "CancelJobRequest";
const _CJRa = "CancelJobResponse";
const _CJRr = "CreateJobRequest";
const _CJRre = "CreateJobResponse";
const _CJT = "CreateJobTemplate";
const _CJTR = "CreateJobTemplateRequest";
const _CJTRr = "CreateJobTemplateResponse";
const _CJa = "CancelJob";
const _CJr = "CreateJob";
const _CL = "ChannelLayout";
const _CLC = "CustomLanguageCode";
const _CLL = "ContentLightLevel";
const _CLM = "CaptionLanguageMappings";
const _CLS = "ClearLeadSegments";
const _CLSa = "CaptionLanguageSetting";
const _CLl = "ClipLimits";
const _CLo = "CodecLevel";
const _CM = "CodingMode";
const _CMh = "ChannelMapping";
const _CMo = "CodecMetadata";
const _CMol = "ColorMetadata";
const _CMp = "C2paManifest";
const _CN = "ChannelName";
const _CNu = "CustomName";
const _CO = "ChannelsOut";
const _CP = "CodecProfile";
const _CPA = "CopyProtectionAction";
const _CPM = "ChromaPositionMode";
const _CPR = "CreatePresetRequest";
const _CPRr = "CreatePresetResponse";
const _CPTP = "ConvertPaintToPop";
const _CPo = "ColorPrimaries";
const _CPr = "CreatePreset";
const _CPu = "CurrentPhase";
const _CQ = "CreateQueue";
const _CQR = "CreateQueueRequest";
const _CQRr = "CreateQueueResponse";
const _CR = "ContentReference";
const _CRS = "CreateResourceShare";
const _CRSR = "CreateResourceShareRequest";
const _CRSRr = "CreateResourceShareResponse";
const _CRT = "ClientRequestToken";
const _CS = "CodecSettings";
const _CSC = "ColorSpaceConversion";
const _CSF = "CaptionSourceFramerate";
const _CSI = "CbetSourceId";
const _CSLC = "CaptionSegmentLengthControl";
const _CSN = "CaptionSelectorName";
const _CSNr = "CredentialsSecretName";
const _CSS = "CaptionSourceSettings";
const _CSU = "ColorSpaceUsage";
const _CSa = "CaptionSelector";
const _CSap = "CaptionSelectors";
const _CSe = "CertificateSecret";
const _CSh = "ChromaSubsampling";
const _CShr = "ChromaSampling";
const _CSm = "CmfcSettings";
const _CSo = "CodecSpecification";
const _CSol = "ColorSpace";
const _CSon = "ContainerSettings";
const _CT = "Convert608To708";
const _CTh = "ChannelTag";
const _CTha = "ChannelTags";
const _CV = "CttsVersion";
const _Ca = "Category";
const _Co = "Codec";
const _Cod = "Code";
const _Com = "Compatibility";
const _Comm = "Commitment";
const _Con = "Contrast";
const _Cont = "Container";
const _Contr = "Control";
const _Cou = "Count";
const _Cr = "Crop";
const _D = "Dialnorm";
const _DAM = "DashAdditionalManifest";
const _DAR = "DisplayAspectRatio";
const _DAS = "DynamicAudioSelector";
const _DASG = "DashAdaptationSetGrouping";
const _DASy = "DynamicAudioSelectors";
const _DC = "DurationControl";
const _DCN = "Destination608ChannelNumber";
const _DCR = "DisassociateCertificateRequest";
const _DCRi = "DisassociateCertificateResponse";
const _DCi = "DisassociateCertificate";
const _DCo = "DownmixControl";
const _DE = "DescribeEndpoints";
const _DER = "DescribeEndpointsRequest";
const _DERe = "DescribeEndpointsResponse";
const _DF = "DcFilter";
const _DFT = "DropFrameTimecode";
const _DFe = "DeblockFilter";
const _DFen = "DenoiseFilter";
const _DH = "DdsHandling";
const _DI = "DialogueIntelligence";
const _DIES = "DashIsoEncryptionSettings";
const _DIFTPNM = "DashIFrameTrickPlayNameModifier";
const _DIGS = "DashIsoGroupSettings";
const _DIIBTPS = "DashIsoImageBasedTrickPlaySettings";
const _DIIBTPV = "DashIsoImageBasedTrickPlayVariant";
const _DIM = "DurationInMs";
const _DIi = "DistributorId";
const _DJT = "DeleteJobTemplate";
const _DJTR = "DeleteJobTemplateRequest";
const _DJTRe = "DeleteJobTemplateResponse";
const _DM = "DecryptionMode";
const _DMS = "DashManifestStyle";
const _DMu = "DurationMode";
const _DNS = "DvbNitSettings";
const _DP = "DataProperties";
const _DPR = "DeletePolicyRequest";
const _DPRe = "DeletePolicyResponse";
const _DPRel = "DeletePresetRequest";
const _DPRele = "DeletePresetResponse";
const _DPTSC = "DataPTSControl";
const _DPe = "DeletePolicy";
const _DPel = "DeletePreset";
const _DQ = "DestinationQueue";
const _DQR = "DeleteQueueRequest";
const _DQRe = "DeleteQueueResponse";
const _DQe = "DeleteQueue";
const _DRC = "DynamicRangeControl";
const _DRCFPT = "DynamicRangeCompressionFlatPanelTv";
const _DRCHT = "DynamicRangeCompressionHomeTheater";
const _DRCL = "DynamicRangeCompressionLine";
const _DRCP = "DynamicRangeCompressionProfile";
const _DRCPH = "DynamicRangeCompressionPortableHeadphones";
const _DRCPS = "DynamicRangeCompressionPortableSpeakers";
const _DRCR = "DynamicRangeCompressionRf";
const _DS = "DefaultSelection";
const _DSDS = "DvbSubDestinationSettings";
const _DSG = "DynamicSubGop";
const _DSN = "Destination708ServiceNumber";
const _DSP = "DvbSubPids";
const _DSS = "DvbSdtSettings";
const _DSSI = "DashSignaledSystemIds";
const _DSSS = "DvbSubSourceSettings";
const _DSe = "DestinationSettings";
const _DSec = "DecryptionSettings";
const _DSi = "DirectoryStructure";
const _DT = "DestinationType";
const _DTI = "DataTrackIndexes";
const _DTP = "DvbTeletextPid";
const _DTS = "DvbTdtSettings";
const _DV = "DolbyVision";
const _DVLM = "DolbyVisionLevel6Metadata";
const _DVM = "DolbyVisionMetadata";
const _DVMX = "DolbyVisionMetadataXml";
const _DVSF = "DescriptiveVideoServiceFlag";
const _DXC = "DdsXCoordinate";
const _DYC = "DdsYCoordinate";
const _De = "Denominator";
const _Deb = "Deblocking";
const _Dei = "Deinterlacer";
const _Des = "Destination";
const _Desc = "Description";
const _Du = "Duration";
const _E = "Encryption";
const _EA = "ExpiresAt";
const _EAFI = "ExternalAudioFileInput";
const _EAI = "EbpAudioInterval";
const _EAS = "Eac3AtmosSettings";
const _EC = "ErrorCode";
const _ECC = "EncryptionContractConfiguration";
const _ED = "ExpirationDate";
const _EDK = "EncryptedDecryptionKey";
const _EDS = "EmbeddedDestinationSettings";
const _EDSx = "ExtendedDataServices";
const _EE = "EntropyEncoding";
const _EI = "EpisodeId";
const _EIC = "ElementalInferenceConfiguration";
const _EIF = "ElementalInferenceFeed";
const _EIFCS = "ElementalInferenceFeedConfigurationSource";
const _EIS = "ElementalInferenceSettings";
const _EL = "EnhancementLayer";
const _EM = "EncryptionMethod";
const _EMCCN = "EsamManifestConfirmConditionNotification";
const _EMr = "ErrorMessage";
const _EOSM = "EndOfStreamMarkers";
const _EP = "EbpPlacement";
const _EPn = "EndPosition";
const _ERIP = "EsRateInPes";
const _ES = "Eac3Settings";
const _ESPN = "EsamSignalProcessingNotification";
const _ESS = "EmbeddedSourceSettings";
const _ESs = "EsamSettings";
const _ET = "EndTimecode";
const _ETO = "EmbeddedTimecodeOverride";
const _ETa = "ETag";
const _ETn = "EncryptionType";
const _EWP = "ExplicitWeightedPrediction";
const _En = "Endpoints";
const _End = "Endpoint";
const _Es = "Esam";
const _Ex = "Extension";
const _F = "Format";
const _FA = "FeedArn";
const _FAQ = "FlickerAdaptiveQuantization";
const _FAi = "FixedAfd";
const _FC = "FramerateControl";
const _FCA = "FramerateConversionAlgorithm";
const _FCS = "FeedConfigurationSource";
const _FCSr = "FrameCaptureSettings";
const _FCo = "FontColor";
const _FCr = "FrameControl";
const _FD = "FramerateDenominator";
const _FE = "ForbiddenException";
const _FEi = "FieldEncoding";
const _FEil = "FilterEnable";
const _FF = "FallbackFont";
const _FFB = "FontFileBold";
const _FFBI = "FontFileBoldItalic";
const _FFI = "FontFileItalic";
const _FFR = "FontFileRegular";
const _FGS = "FilmGrainSynthesis";
const _FGSi = "FileGroupSettings";
const _FI = "FileInput";
const _FIR = "ForceIncludeRenditions";
const _FIRS = "ForceIncludeRenditionSize";
const _FIa = "FadeIn";
const _FL = "FragmentLength";
const _FLC = "FragmentLengthControl";
const _FLi = "FilterList";
const _FMS = "FeedManagementState";
const _FN = "FramerateNumerator";
const _FO = "FontOpacity";
const _FOa = "FadeOut";
const _FOi = "FieldOrder";
const _FOil = "FileOffset";
const _FR = "FrameRate";
const _FRo = "FontResolution";
const _FS = "FlacSettings";
const _FSB = "FreeSpaceBox";
const _FSS = "FileSourceSettings";
const _FSi = "FilterStrength";
const _FSil = "FileSize";
const _FSilt = "FilterSettings";
const _FSo = "FontScript";
const _FSol = "FollowSource";
const _FSon = "FontSize";
const _FSont = "FontStyle";
const _FSv = "F4vSettings";
const _FT = "FragmentTime";
const _FTVEO = "ForceTsVideoEbpOrder";
const _FTi = "FinishTime";
const _FU = "FileUrl";
const _FW = "FontWeight";
const _Fe = "Features";
const _Fee = "Feeds";
const _Fi = "Filter";
const _Fo = "Fourcc";
const _Fr = "Framerate";
const _GBR = "GopBReference";
const _GCC = "GopClosedCadence";
const _GH = "GapHandling";
const _GJ = "GetJob";
const _GJQR = "GetJobsQueryResults";
const _GJQRR = "GetJobsQueryResultsRequest";
const _GJQRRe = "GetJobsQueryResultsResponse";
const _GJR = "GetJobRequest";
const _GJRe = "GetJobResponse";
const _GJT = "GetJobTemplate";
const _GJTR = "GetJobTemplateRequest";
const _GJTRe = "GetJobTemplateResponse";
const _GP = "GetPolicy";
const _GPR = "GetPolicyRequest";
const _GPRe = "GetPolicyResponse";
const _GPRet = "GetPresetRequest";
const _GPRetr = "GetPresetResponse";
const _GPS = "GopsPerSegment";
const _GPX = "GreenPrimaryX";
const _GPY = "GreenPrimaryY";
const _GPe = "GetPreset";
const _GQ = "GetQueue";
const _GQR = "GetQueueRequest";
const _GQRe = "GetQueueResponse";
const _GS = "GopSize";
const _GSU = "GopSizeUnits";
const _GSi = "GifSettings";
const _H = "Height";
const _HAM = "HlsAdditionalManifest";
const _HBFFP = "HrdBufferFinalFillPercentage";
const _HBIFP = "HrdBufferInitialFillPercentage";
const _HBS = "HrdBufferSize";
const _HC = "HbbtvCompliance";
const _HCLM = "HlsCaptionLanguageMapping";
const _HD = "HopDestinations";
const _HDo = "HopDestination";
const _HES = "HlsEncryptionSettings";
const _HFC = "HexFontColor";
const _HGS = "HlsGroupSettings";
const _HI = "HttpInputs";
const _HIBTPS = "HlsImageBasedTrickPlaySettings";
const _HIBTPV = "HlsImageBasedTrickPlayVariant";
const _HIP = "HeightInPx";
const _HIt = "HttpsInputs";
const _HM = "Hdr10Metadata";
const _HMd = "HdrMetadata";
const _HP = "Hdr10Plus";
const _HPP = "Hdr10PlusPresence";
const _HQS = "H264QvbrSettings";
const _HQSv = "H265QvbrSettings";
const _HRGS = "HlsRenditionGroupSettings";
const _HS = "H264Settings";
const _HSSI = "HlsSignaledSystemIds";
const _HSe = "H265Settings";
const _HSl = "HlsSettings";
const _HTSTM = "HdrToSdrToneMapper";
const _Hu = "Hue";
const _I = "Id";
const _IBTP = "ImageBasedTrickPlay";
const _IBTPS = "ImageBasedTrickPlaySettings";
const _IBTPV = "ImageBasedTrickPlayVariants";
const _IC = "IntervalCadence";
const _ICFT = "InputChannelsFineTune";
const _ICS = "InputColorSpace";
const _ICn = "InputClippings";
const _ICnp = "InputClipping";
const _ICnpu = "InputChannels";
const _IDMCD = "IntegerDurationMaximumCompressionDenominator";
const _IDMCN = "IntegerDurationMaximumCompressionNumerator";
const _IDP = "IntraDcPrecision";
const _IDS = "ImscDestinationSettings";
const _IDSn = "InputDecryptionSettings";
const _IDTTM = "IntegerDurationTrimThresholdMilliseconds";
const _IF = "InputFiles";
const _IFOM = "IFrameOnlyManifest";
const _IFn = "InputFile";
const _II = "Id3Insertion";
const _III = "ImageInserterInput";
const _IId = "Id3Insertions";
const _IIm = "ImageInserter";
const _IIma = "ImageInput";
const _IIn = "InsertableImages";
const _IIns = "InsertableImage";
const _IM = "InterlaceMode";
const _IML = "InputMasteringLuminance";
const _IMn = "InsertionMode";
const _IP = "InitialPosition";
const _ISEE = "InternalServerErrorException";
const _IST = "InputScanType";
const _IT = "InputTemplate";
const _ITS = "InputTamsSettings";
const _IV = "InitializationVector";
const _IVG = "InputVideoGenerator";
const _IVIM = "InitializationVectorInManifest";
const _IX = "ImageX";
const _IY = "ImageY";
const _Id = "Id3";
const _In = "Input";
const _Ind = "Index";
const _Inf = "Info";
const _Inp = "Inputs";
const _J = "Job";
const _JEV = "JobEngineVersion";
const _JEVR = "JobEngineVersionRequested";
const _JEVU = "JobEngineVersionUsed";
const _JI = "JobId";
const _JM = "JobMessages";
const _JPC = "JobPercentComplete";
const _JQF = "JobsQueryFilter";
const _JS = "JobSettings";
const _JT = "JobTemplate";
const _JTS = "JobTemplateSettings";
const _JTo = "JobTemplates";
const _Jo = "Jobs";
const _K = "Key";
const _KEC = "KmsEncryptionContext";
const _KF = "KeyFormat";
const _KFV = "KeyFormatVersions";
const _KKA = "KmsKeyArn";
const _KKR = "KmsKeyRegion";
const _KLI = "KantarLicenseId";
const _KM = "KlvMetadata";
const _KSU = "KantarServerUrl";
const _KW = "KantarWatermark";
const _KWS = "KantarWatermarkSettings";
const _L = "Level";
const _LB = "ListBy";
const _LC = "LanguageCode";
const _LCC = "LanguageCodeControl";
const _LCf = "LfeControl";
const _LD = "LanguageDescription";
const _LDo = "LogDestination";
const _LF = "LfeFilter";
const _LJ = "ListJobs";
const _LJR = "ListJobsRequest";
const _LJRi = "ListJobsResponse";
const _LJT = "ListJobTemplates";
const _LJTR = "ListJobTemplatesRequest";
const _LJTRi = "ListJobTemplatesResponse";
const _LL = "LoudnessLogging";
const _LM = "L6Metadata";
const _LMM = "LoudnessMeasurementMode";
const _LMa = "LastModified";
const _LMo = "L6Mode";
const _LP = "ListPresets";
const _LPR = "ListPresetsRequest";
const _LPRi = "ListPresetsResponse";
const _LQ = "ListQueues";
const _LQR = "ListQueuesRequest";
const _LQRi = "ListQueuesResponse";
const _LRCML = "LoRoCenterMixLevel";
const _LRCMLt = "LtRtCenterMixLevel";
const _LRSML = "LoRoSurroundMixLevel";
const _LRSMLt = "LtRtSurroundMixLevel";
const _LSD = "LastShareDetails";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _LU = "LastUpdated";
const _LV = "ListVersions";
const _LVR = "ListVersionsRequest";
const _LVRi = "ListVersionsResponse";
const _La = "Layer";
const _Li = "License";
const _M = "Message";
const _MAB = "MaxAbrBitrate";
const _MABa = "MaxAverageBitrate";
const _MABi = "MinAbrBitrate";
const _MADS = "MaxAncDataSize";
const _MB = "MaxBitrate";
const _MBRS = "MinBottomRenditionSize";
const _MBT = "MinBufferTime";
const _MC = "MetadataControl";
const _MCCN = "ManifestConfirmConditionNotification";
const _MCF = "MaximumConcurrentFeeds";
const _MCLL = "MaxContentLightLevel";
const _MCa = "ManifestCompression";
const _MCat = "MatrixCoefficients";
const _MCax = "MaxCll";
const _MCaxa = "MaxCaptures";
const _MD = "MetadataDestination";
const _MDCV = "MasteringDisplayColorVolume";
const _MDF = "ManifestDurationFormat";
const _ME = "ManifestEncoding";
const _MEI = "MinEbpInterval";
const _MF = "MaxFall";
const _MFALL = "MaxFrameAverageLightLevel";
const _MFCCC = "Mpeg2FourCCControl";
const _MFSL = "MinFinalSegmentLength";
const _MII = "MinIInterval";
const _MIIF = "MotionImageInsertionFramerate";
const _MIIO = "MotionImageInsertionOffset";
const _MIIo = "MotionImageInserter";
const _MIIot = "MotionImageInserters";
const _ML = "MaxLuminance";
const _MLi = "MinLuminance";
const _MM = "MeteringMode";
const _MMB = "Mp4MajorBrand";
const _MMBT = "MpdManifestBandwidthType";
const _MMN = "MasteringMonitorNits";
const _MMS = "ManifestMetadataSignaling";
const _MNM = "ManifestNameModifier";
const _MOPB = "MvOverPictureBoundaries";
const _MP = "MpdProfile";
const _MPI = "MaxPcrInterval";
const _MPo = "MoovPlacement";
const _MQL = "MaxQualityLevel";
const _MR = "MaxRenditions";
const _MRGBT = "MaximumRGBTolerance";
const _MRGBTi = "MinimumRGBTolerance";
const _MRa = "MaxResults";
const _MS = "Mp2Settings";
const _MSAM = "MsSmoothAdditionalManifest";
const _MSE = "M2tsScte35Esam";
const _MSES = "MsSmoothEncryptionSettings";
const _MSGS = "MsSmoothGroupSettings";
const _MSL = "MinSegmentLength";
const _MSo = "MovSettings";
const _MSp = "Mp3Settings";
const _MSpd = "MpdSettings";
const _MSpe = "Mp4Settings";
const _MSpeg = "Mpeg2Settings";
const _MSt = "M2tsSettings";
const _MSu = "M3u8Settings";
const _MSx = "MxfSettings";
const _MT = "MimeType";
const _MTP = "MvTemporalPredictor";
const _MTRS = "MinTopRenditionSize";
const _MVI = "MultiViewInput";
const _MVS = "MultiViewSettings";
const _MX = "MccXml";
const _MXPS = "MxfXavcProfileSettings";
const _MYUV = "MaximumYUV";
const _MYUVi = "MinimumYUV";
const _Ma = "Mapping";
const _Me = "Messages";
const _Met = "Metadata3";
const _Meta = "Metadata4";
const _Metad = "Metadata5";
const _Metada = "Metadata6";
const _Metadat = "Metadata7";
const _Metadata = "Metadata8";
const _Metadata_ = "Metadata";
const _Mo = "Mode";
const _N = "Numerator";
const _NBFBRF = "NumberBFramesBetweenReferenceFrames";
const _NC = "NielsenConfiguration";
const _NFE = "NotFoundException";
const _NFMS = "NexguardFileMarkerSettings";
const _NGFMS = "NexGuardFileMarkerSettings";
const _NI = "NetworkId";
const _NIi = "NitInterval";
const _NIie = "NielsenId3";
const _NM = "NameModifier";
const _NN = "NetworkName";
const _NNLW = "NielsenNonLinearWatermark";
const _NNLWS = "NielsenNonLinearWatermarkSettings";
const _NPB = "NullPacketBitrate";
const _NR = "NoiseReducer";
const _NRF = "NumberReferenceFrames";
const _NRFS = "NoiseReducerFilterSettings";
const _NRSFS = "NoiseReducerSpatialFilterSettings";
const _NRTFS = "NoiseReducerTemporalFilterSettings";
const _NT = "NextToken";
const _Na = "Name";
const _O = "Offset";
const _OC = "ObjectCount";
const _OCM = "OutputChannelMapping";
const _OCS = "OutputColorSpace";
const _OCu = "OutlineColor";
const _OCut = "OutputChannels";
const _OD = "OutputDetail";
const _ODu = "OutputDetails";
const _OE = "OfflineEncrypted";
const _OG = "OutputGroups";
const _OGD = "OutputGroupDetails";
const _OGDu = "OutputGroupDetail";
const _OGS = "OutputGroupSettings";
const _OGu = "OutputGroup";
const _OML = "OutputMasteringLuminance";
const _OS = "OpusSettings";
const _OSu = "OutlineSize";
const _OSut = "OutputSdt";
const _OSutp = "OutputSelection";
const _OSutpu = "OutputSettings";
const _OV = "OverrideValue";
const _Op = "Opacity";
const _Or = "Order";
const _Ou = "Output";
const _Out = "Outputs";
const _P = "Pids";
const _PA = "PurchasedAt";
const _PBU = "PreventBufferUnderflow";
const _PC = "PassthroughControl";
const _PCa = "ParControl";
const _PCad = "PaddingControl";
const _PCc = "PcrControl";
const _PCe = "PeakCalculation";
const _PCh = "PhaseControl";
const _PCs = "PsiControl";
const _PD = "ParDenominator";
const _PDC = "PlaybackDeviceCompatibility";
const _PDT = "ProgramDateTime";
const _PDTP = "ProgramDateTimePeriod";
const _PFM = "PerFrameMetrics";
const _PFSS = "PostFilterSharpenStrength";
const _PI = "PatInterval";
const _PIF = "ProbeInputFile";
const _PIm = "PmtInterval";
const _PJC = "ProgressingJobsCount";
const _PMP = "PrivateMetadataPid";
const _PN = "ParNumerator";
const _PNa = "PageNumber";
const _PNr = "ProgramNumber";
const _PO = "PtsOffset";
const _POHFBF = "PtsOffsetHandlingForBFrames";
const _POM = "PtsOffsetMode";
const _PP = "PricingPlan";
const _PPR = "PutPolicyRequest";
const _PPRu = "PutPolicyResponse";
const _PPc = "PcrPid";
const _PPm = "PmtPid";
const _PPu = "PutPolicy";
const _PR = "ProbeRequest";
const _PRr = "ProbeResponse";
const _PRro = "ProbeResults";
const _PRrob = "ProbeResult";
const _PS = "ProgramSelection";
const _PSa = "PassthroughSettings";
const _PSr = "PresetSettings";
const _PSro = "ProresSettings";
const _PT = "PageTypes";
const _PTS = "PostTemporalSharpening";
const _PTSS = "PostTemporalSharpeningStrength";
const _PV = "PadVideo";
const _PW = "PartnerWatermarking";
const _PWHM = "ProgressiveWriteHlsManifest";
const _Pa = "Payload";
const _Pi = "Pid";
const _Pl = "Playback";
const _Po = "Policy";
const _Pos = "Position";
const _Pr = "Profile";
const _Pre = "Preset";
const _Pref = "Prefix";
const _Pres = "Presets";
const _Pri = "Priority";
const _Pro = "Probe";
const _Q = "Queue";
const _QQL = "QvbrQualityLevel";
const _QQLFT = "QvbrQualityLevelFineTune";
const _QS = "QvbrSettings";
const _QT = "QueueTransitions";
const _QTL = "QualityTuningLevel";
const _QTu = "QueueTransition";
const _Qu = "Quality";
const _Que = "Queues";
const _R = "Required";
const _RC = "RetryCount";
const _RCM = "RateControlMode";
const _RF = "RawFormat";
const _RGI = "RenditionGroupId";
const _RI = "RapInterval";
const _RIe = "ResourceId";
const _RLC = "RenditionLanguageCode";
const _RM = "RateMode";
const _RN = "RenditionName";
const _RP = "RepeatPps";
const _RPS = "ReservationPlanSettings";
const _RPX = "RedPrimaryX";
const _RPY = "RedPrimaryY";
const _RPe = "ReservationPlan";
const _RRRA = "RemoveRubyReserveAttributes";
const _RS = "RemixSettings";
const _RSP = "ResponseSignalPreroll";
const _RSe = "ReservedSlots";
const _RT = "ResourceTags";
const _RTA = "RespondToAfd";
const _RTe = "RenewalType";
const _Re = "Reference";
const _Rec = "Rectangle";
const _Ro = "Rotation";
const _Rol = "Role";
const _Rot = "Rotate";
const _Rp = "Rpu";
const _Ru = "Rules";
const _S = "Specification";
const _SACN = "SourceAncillaryChannelNumber";
const _SAE = "SaliencyAwareEncoding";
const _SAOFM = "SampleAdaptiveOffsetFilterMode";
const _SAP = "SpekeAudioPreset";
const _SAQ = "SpatialAdaptiveQuantization";
const _SAR = "SampleAspectRatio";
const _SB = "ScalingBehavior";
const _SC = "ShadowColor";
const _SCD = "SceneChangeDetect";
const _SCI = "SupportCaseId";
const _SCN = "Source608ChannelNumber";
const _SCe = "SegmentControl";
const _SCt = "StorageClass";
const _SD = "StereoDownmix";
const _SDAC = "S3DestinationAccessControl";
const _SDS = "SccDestinationSettings";
const _SDSe = "S3DestinationSettings";
const _SDSr = "SrtDestinationSettings";
const _SE = "Scte35Esam";
const _SEM = "SurroundExMode";
const _SEP = "Scte35EsamPid";
const _SES = "S3EncryptionSettings";
const _SF = "SourceFile";
const _SFS = "SpatialFilterSettings";
const _SI = "SdtInterval";
const _SIR = "StreamInfResolution";
const _SIn = "S3Inputs";
const _SIo = "SourceId";
const _SIu = "SupplementalImps";
const _SIy = "SystemIds";
const _SJ = "SearchJobs";
const _SJC = "SubmittedJobsCount";
const _SJQ = "StartJobsQuery";
const _SJQR = "StartJobsQueryRequest";
const _SJQRt = "StartJobsQueryResponse";
const _SJR = "SearchJobsRequest";
const _SJRe = "SearchJobsResponse";
const _SKK = "SigningKmsKey";
const _SKP = "SpekeKeyProvider";
const _SKPC = "SpekeKeyProviderCmaf";
const _SKPt = "StaticKeyProvider";
const _SKV = "StaticKeyValue";
const _SL = "SegmentLength";
const _SLC = "SegmentLengthControl";
const _SM = "SurroundMode";
const _SMe = "SegmentModifier";
const _SMeg = "SegmentationMarkers";
const _SMegm = "SegmentationMode";
const _SN = "StreamName";
const _SNe = "ServiceName";
const _SNt = "StreamNumber";
const _SO = "ShadowOpacity";
const _SOe = "SelectedOutputs";
const _SOer = "ServiceOverrides";
const _SOerv = "ServiceOverride";
const _SP = "Smpte337Passthrough";
const _SPN = "ServiceProviderName";
const _SPNi = "SignalProcessingNotification";
const _SPPC = "SlowPalPitchCorrection";
const _SPS = "SegmentsPerSubdirectory";
const _SPc = "Scte35Pid";
const _SPl = "SlowPal";
const _SPt = "StylePassthrough";
const _SQ = "SourceQueue";
const _SQEE = "ServiceQuotaExceededException";
const _SR = "SampleRate";
const _SRC = "SampleRangeConversion";
const _SRQ = "SimulateReservedQueue";
const _SRWL = "SdrReferenceWhiteLevel";
const _SRa = "SampleRange";
const _SS = "SourceSettings";
const _SSc = "Scte35Source";
const _SSe = "S3Settings";
const _SSeg = "SegmentationStyle";
const _SSh = "ShareStatus";
const _ST = "SelectorType";
const _STCM = "ScanTypeConversionMode";
const _STN = "Source608TrackNumber";
const _STc = "ScanType";
const _STe = "SegmentationTime";
const _STo = "SourceType";
const _STp = "SpeechThreshold";
const _STt = "StartTimecode";
const _STta = "StartTime";
const _STu = "SubtitlingType";
const _STub = "SubmitTime";
const _SUI = "StatusUpdateInterval";
const _SVP = "SpekeVideoPreset";
const _SWM = "SlidingWindowMs";
const _SWPB = "SlidingWindowPeakBitrate";
const _SWS = "SourceWatermarkStatus";
const _SX = "SccXml";
const _SXO = "ShadowXOffset";
const _SYO = "ShadowYOffset";
const _Sa = "Saturation";
const _Se = "Settings";
const _Sh = "Sharpening";
const _Sha = "Sharpness";
const _Sl = "Slices";
const _So = "Source";
const _Sof = "Softness";
const _Sp = "Speed";
const _St = "Streams";
const _Sta = "Status";
const _Star = "Start";
const _Str = "Strength";
const _Sy = "Syntax";
const _T = "Tracks";
const _TAQ = "TemporalAdaptiveQuantization";
const _TB = "TimecodeBurnin";
const _TBS = "TreeBlockSize";
const _TC = "TerminateCaptions";
const _TCJ = "TotalConcurrentJobs";
const _TCi = "TimecodeConfig";
const _TCr = "TransferCharacteristics";
const _TD = "TimeDelta";
const _TDCM = "TargetDurationCompatibilityMode";
const _TDM = "TimestampDeltaMilliseconds";
const _TDS = "TeletextDestinationSettings";
const _TDSt = "TtmlDestinationSettings";
const _TDU = "TimeDeltaUnits";
const _TDe = "TextDecoration";
const _TFS = "TemporalFilterSettings";
const _TH = "ThumbnailHeight";
const _THi = "TileHeight";
const _TI = "ThumbnailInterval";
const _TId = "TdtInterval";
const _TIe = "TemporalIds";
const _TIi = "TimecodeInsertion";
const _TK = "TagKeys";
const _TL = "TargetLkfs";
const _TLR = "TargetLoudnessRange";
const _TM = "TimedMetadata";
const _TMBV = "TimedMetadataBoxVersion";
const _TMI = "TimedMetadataInsertion";
const _TMIF = "TimedMetadataId3Frame";
const _TMIP = "TimedMetadataId3Period";
const _TMN = "TargetMonitorNits";
const _TMP = "TimedMetadataPid";
const _TMRE = "TooManyRequestsException";
const _TMSIU = "TimedMetadataSchemeIdUri";
const _TMV = "TimedMetadataValue";
const _TMr = "TrackMappings";
const _TMra = "TrackMapping";
const _TN = "TrackNumber";
const _TO = "TimestampOffset";
const _TP = "TilePadding";
const _TPLT = "TruePeakLimiterThreshold";
const _TR = "TagResource";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _TS = "TeletextSpacing";
const _TSI = "TransportStreamId";
const _TSS = "TeletextSourceSettings";
const _TSSr = "TrackSourceSettings";
const _TSU = "TicServerUrl";
const _TSa = "TamsSettings";
const _TSi = "TimecodeSource";
const _TSim = "TimecodeStart";
const _TT = "TrackType";
const _TTi = "TimecodeTrack";
const _TW = "ThumbnailWidth";
const _TWi = "TileWidth";
const _Ta = "Tags";
const _Te = "Telecine";
const _Ti = "Tiles";
const _Tim = "Timecode";
const _Time = "Timerange";
const _Times = "Timestamp";
const _Timi = "Timing";
const _Tr = "Track";
const _Tra = "Transitions";
const _Ty = "Type";
const _U = "Url";
const _UAW = "UncompressedAudioWrapping";
const _UCJ = "UnallocatedConcurrentJobs";
const _UEE = "UnprocessableEntityException";
const _UJT = "UpdateJobTemplate";
const _UJTR = "UpdateJobTemplateRequest";
const _UJTRp = "UpdateJobTemplateResponse";
const _UM = "UserMetadata";
const _UP = "UpdatePreset";
const _UPR = "UpdatePresetRequest";
const _UPRp = "UpdatePresetResponse";
const _UQ = "UpdateQueue";
const _UQR = "UpdateQueueRequest";
const _UQRp = "UpdateQueueResponse";
const _UR = "UntagResource";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _US = "UncompressedSettings";
const _UST = "UnregisteredSeiTimecode";
const _USTLTT = "UpconvertSTLToTeletext";
const _UTPAT = "UniqueTicPerAudioTrack";
const _Un = "Unit";
const _V = "Version";
const _VA = "VchipAction";
const _VC = "Vc3Class";
const _VCO = "VideoCompositionOffsets";
const _VCS = "VideoCodecSettings";
const _VD = "VideoDescription";
const _VDi = "VideoDetails";
const _VDid = "VideoDetail";
const _VG = "VideoGenerator";
const _VO = "VideoOverlays";
const _VOC = "VideoOverlayCrop";
const _VOI = "VideoOverlayInput";
const _VOIC = "VideoOverlayInputClipping";
const _VOP = "VideoOverlayPosition";
const _VOT = "VideoOverlayTransition";
const _VOi = "VideoOverlay";
const _VP = "VideoPid";
const _VPi = "VideoProperties";
const _VPid = "VideoPreprocessors";
const _VPide = "VideoPreprocessor";
const _VQ = "VbrQuality";
const _VS = "VorbisSettings";
const _VSM = "VideoSelectorMode";
const _VSc = "Vc3Settings";
const _VSi = "VideoSelector";
const _VSp = "Vp8Settings";
const _VSpe = "Vp9Settings";
const _VTI = "VideoTrackIndexes";
const _Va = "Values";
const _Val = "Value";
const _Ve = "Versions";
const _W = "Width";
const _WDM = "WriteDashManifest";
const _WDS = "WebvttDestinationSettings";
const _WG = "WarningGroup";
const _WHM = "WriteHlsManifest";
const _WHSS = "WebvttHlsSourceSettings";
const _WIP = "WidthInPx";
const _WM = "WaitMinutes";
const _WMPT = "WriteMp4PackagingType";
const _WPX = "WhitePointX";
const _WPY = "WhitePointY";
const _WS = "WavSettings";
const _WSTIR = "WriteSegmentTimelineInRepresentation";
const _Wa = "Warnings";
const _War = "Warning";
const _X = "X";
const _XC = "XavcClass";
const _XHICPS = "XavcHdIntraCbgProfileSettings";
const _XHPS = "XavcHdProfileSettings";
const _XICPS = "Xavc4kIntraCbgProfileSettings";
const _XIVPS = "Xavc4kIntraVbrProfileSettings";
const _XP = "XPosition";
const _XPS = "XavcProfileSettings";
const _XPSa = "Xavc4kProfileSettings";
const _XS = "XavcSettings";
const _Y = "Y";
const _YP = "YPosition";
const _a = "arn";
const _aA = "antiAlias";
const _aAO = "adAvailOffset";
const _aB = "availBlanking";
const _aBI = "availBlankingImage";
const _aBM = "audioBufferModel";
const _aBl = "alphaBehavior";
const _aC = "algorithmControl";
const _aCA = "authConnectionArn";
const _aCCSIU = "audioChannelConfigSchemeIdUri";
const _aCH = "accessibilityCaptionHints";
const _aCTS = "audioChannelTaggingSettings";
const _aCc = "accessControl";
const _aCt = "attenuationControl";
const _aD = "audioDuration";
const _aDAC = "audioDescriptionAudioChannel";
const _aDBM = "audioDescriptionBroadcasterMix";
const _aDC = "audioDurationCorrection";
const _aDDC = "audioDescriptionDataChannel";
const _aDM = "audioDescriptionMix";
const _aDu = "audioDeduplication";
const _aDud = "audioDescriptions";
const _aES = "automatedEncodingSettings";
const _aF = "adiFilename";
const _aFC = "applyFontColor";
const _aFPP = "audioFramesPerPes";
const _aGI = "audioGroupId";
const _aI = "assetId";
const _aIC = "avcIntraClass";
const _aIF = "advancedInputFilter";
const _aIFS = "advancedInputFilterSettings";
const _aIS = "avcIntraSettings";
const _aIUS = "avcIntraUhdSettings";
const _aM = "additionalManifests";
const _aMd = "adMarkers";
const _aMg = "aggressiveMode";
const _aN = "assetName";
const _aNS = "audioNormalizationSettings";
const _aOC = "audioOnlyContainer";
const _aOH = "audioOnlyHeader";
const _aP = "audioPids";
const _aPCS = "audioPitchCorrectionSettings";
const _aPOD = "audioPtsOffsetDelta";
const _aPu = "audioProperties";
const _aQ = "adaptiveQuantization";
const _aR = "allowedRenditions";
const _aRS = "audioRenditionSets";
const _aS = "aacSettings";
const _aSG = "audioSelectorGroups";
const _aSN = "audioSourceName";
const _aSNu = "audioSelectorNames";
const _aSNud = "audioSourceNames";
const _aSS = "ancillarySourceSettings";
const _aSb = "abrSettings";
const _aSc = "ac3Settings";
const _aScc = "accelerationSettings";
const _aScce = "accelerationStatus";
const _aSce = "ac4Settings";
const _aSf = "afdSignaling";
const _aSi = "aiffSettings";
const _aSu = "audioSelectors";
const _aSv = "av1Settings";
const _aT = "addTexture";
const _aTC = "audioTypeControl";
const _aTFS = "alternateTransferFunctionSei";
const _aTI = "audioTrackIndexes";
const _aTT = "audioTrackType";
const _aTu = "audioType";
const _aWP = "activeWatermarkProcess";
const _ac = "accessibility";
const _al = "algorithm";
const _ali = "alignment";
const _an = "anchor";
const _b = "bitrate";
const _bC = "backgroundColor";
const _bCi = "bitrateClass";
const _bCr = "breakoutCode";
const _bD = "bitDepth";
const _bDS = "burninDestinationSettings";
const _bL = "baseLayer";
const _bM = "bitstreamMode";
const _bMu = "bufferModel";
const _bO = "backgroundOpacity";
const _bPX = "bluePrimaryX";
const _bPY = "bluePrimaryY";
const _bR = "bitRate";
const _bRF = "bandwidthReductionFilter";
const _bRL = "byteRateLimit";
const _bTS = "billingTagsSource";
const _bU = "baseUrl";
const _br = "brightness";
const _c = "client";
const _cA = "createdAt";
const _cAa = "cannedAcl";
const _cAe = "certificateArn";
const _cAl = "clapAtom";
const _cAs = "cslgAtom";
const _cC = "clientCache";
const _cCDLUTS = "colorConversion3DLUTSettings";
const _cCT = "captionContainerType";
const _cCa = "captionChannel";
const _cCo = "colorCorrector";
const _cD = "captionDescriptions";
const _cFR = "codedFrameRate";
const _cGL = "correctionGateLevel";
const _cGS = "cmafGroupSettings";
const _cI = "channelsIn";
const _cIV = "constantInitializationVector";
const _cJ = "concurrentJobs";
const _cL = "channelLayout";
const _cLC = "customLanguageCode";
const _cLL = "contentLightLevel";
const _cLM = "captionLanguageMappings";
const _cLS = "clearLeadSegments";
const _cLSa = "captionLanguageSetting";
const _cLl = "clipLimits";
const _cLo = "codecLevel";
const _cM = "codingMode";
const _cMh = "channelMapping";
const _cMo = "colorMetadata";
const _cMod = "codecMetadata";
const _cMp = "c2paManifest";
const _cN = "channelName";
const _cNu = "customName";
const _cO = "channelsOut";
const _cP = "codecProfile";
const _cPA = "copyProtectionAction";
const _cPM = "chromaPositionMode";
const _cPTP = "convertPaintToPop";
const _cPo = "colorPrimaries";
const _cPu = "currentPhase";
const _cR = "contentReference";
const _cRT = "clientRequestToken";
const _cS = "codecSettings";
const _cSC = "colorSpaceConversion";
const _cSI = "cbetSourceId";
const _cSLC = "captionSegmentLengthControl";
const _cSN = "captionSelectorName";
const _cSNr = "credentialsSecretName";
const _cSU = "colorSpaceUsage";
const _cSa = "captionSelectors";
const _cSe = "certificateSecret";
const _cSh = "chromaSubsampling";
const _cShr = "chromaSampling";
const _cSm = "cmfcSettings";
const _cSo = "codecSpecification";
const _cSol = "colorSpace";
const _cSon = "containerSettings";
const _cT = "convert608To708";
const _cTh = "channelTag";
const _cTha = "channelTags";
const _cV = "cttsVersion";
const _ca = "category";
const _ch = "channels";
const _co = "codec";
const _cod = "code";
const _com = "compatibility";
const _comm = "commitment";
const _con = "contrast";
const _cont = "container";
const _contr = "control";
const _cou = "count";
const _cr = "crop";
const _d = "dialnorm";
const _dAR = "displayAspectRatio";
const _dAS = "dynamicAudioSelectors";
const _dASG = "dashAdaptationSetGrouping";
const _dC = "downmixControl";
const _dCN = "destination608ChannelNumber";
const _dCu = "durationControl";
const _dF = "dcFilter";
const _dFT = "dropFrameTimecode";
const _dFe = "deblockFilter";
const _dFen = "denoiseFilter";
const _dH = "ddsHandling";
const _dI = "dialogueIntelligence";
const _dIFTPNM = "dashIFrameTrickPlayNameModifier";
const _dIGS = "dashIsoGroupSettings";
const _dIM = "durationInMs";
const _dIi = "distributorId";
const _dM = "decryptionMode";
const _dMS = "dashManifestStyle";
const _dMu = "durationMode";
const _dNS = "dvbNitSettings";
const _dP = "dataProperties";
const _dPTSC = "dataPTSControl";
const _dQ = "destinationQueue";
const _dRC = "dynamicRangeControl";
const _dRCFPT = "dynamicRangeCompressionFlatPanelTv";
const _dRCHT = "dynamicRangeCompressionHomeTheater";
const _dRCL = "dynamicRangeCompressionLine";
const _dRCP = "dynamicRangeCompressionProfile";
const _dRCPH = "dynamicRangeCompressionPortableHeadphones";
const _dRCPS = "dynamicRangeCompressionPortableSpeakers";
const _dRCR = "dynamicRangeCompressionRf";
const _dS = "defaultSelection";
const _dSDS = "dvbSubDestinationSettings";
const _dSG = "dynamicSubGop";
const _dSN = "destination708ServiceNumber";
const _dSP = "dvbSubPids";
const _dSS = "dvbSdtSettings";
const _dSSI = "dashSignaledSystemIds";
const _dSSS = "dvbSubSourceSettings";
const _dSe = "destinationSettings";
const _dSec = "decryptionSettings";
const _dSi = "directoryStructure";
const _dT = "destinationType";
const _dTI = "dataTrackIndexes";
const _dTP = "dvbTeletextPid";
const _dTS = "dvbTdtSettings";
const _dV = "dolbyVision";
const _dVMX = "dolbyVisionMetadataXml";
const _dVSF = "descriptiveVideoServiceFlag";
const _dXC = "ddsXCoordinate";
const _dYC = "ddsYCoordinate";
const _de = "denominator";
const _deb = "deblocking";
const _dei = "deinterlacer";
const _des = "destination";
const _desc = "description";
const _du = "duration";
const _e = "error";
const _eA = "expiresAt";
const _eAFI = "externalAudioFileInput";
const _eAI = "ebpAudioInterval";
const _eAS = "eac3AtmosSettings";
const _eC = "errorCode";
const _eCC = "encryptionContractConfiguration";
const _eD = "expirationDate";
const _eDK = "encryptedDecryptionKey";
const _eDS = "embeddedDestinationSettings";
const _eDSx = "extendedDataServices";
const _eE = "entropyEncoding";
const _eI = "episodeId";
const _eIC = "elementalInferenceConfiguration";
const _eIS = "elementalInferenceSettings";
const _eL = "enhancementLayer";
const _eM = "encryptionMethod";
const _eMr = "errorMessage";
const _eOSM = "endOfStreamMarkers";
const _eP = "ebpPlacement";
const _ePn = "endPosition";
const _eRIP = "esRateInPes";
const _eS = "eac3Settings";
const _eSS = "embeddedSourceSettings";
const _eT = "endTimecode";
const _eTO = "embeddedTimecodeOverride";
const _eTa = "eTag";
const _eTn = "encryptionType";
const _eWP = "explicitWeightedPrediction";
const _en = "encryption";
const _end = "endpoints";
const _es = "esam";
const _ex = "extension";
const _f = "format";
const _fA = "feedArn";
const _fAQ = "flickerAdaptiveQuantization";
const _fAi = "fixedAfd";
const _fC = "framerateControl";
const _fCA = "framerateConversionAlgorithm";
const _fCS = "feedConfigurationSource";
const _fCSr = "frameCaptureSettings";
const _fCo = "fontColor";
const _fCr = "frameControl";
const _fD = "framerateDenominator";
const _fE = "fieldEncoding";
const _fEi = "filterEnable";
const _fF = "fallbackFont";
const _fFB = "fontFileBold";
const _fFBI = "fontFileBoldItalic";
const _fFI = "fontFileItalic";
const _fFR = "fontFileRegular";
const _fGS = "filmGrainSynthesis";
const _fGSi = "fileGroupSettings";
const _fI = "fileInput";
const _fIR = "forceIncludeRenditions";
const _fIa = "fadeIn";
const _fL = "fragmentLength";
const _fLC = "fragmentLengthControl";
const _fLi = "filterList";
const _fMS = "feedManagementState";
const _fN = "framerateNumerator";
const _fO = "fontOpacity";
const _fOa = "fadeOut";
const _fOi = "fieldOrder";
const _fOil = "fileOffset";
const _fR = "frameRate";
const _fRo = "fontResolution";
const _fS = "flacSettings";
const _fSB = "freeSpaceBox";
const _fSS = "fileSourceSettings";
const _fSi = "filterStrength";
const _fSil = "fileSize";
const _fSilt = "filterSettings";
const _fSo = "fontScript";
const _fSol = "followSource";
const _fSon = "fontSize";
const _fSont = "fontStyle";
const _fSv = "f4vSettings";
const _fT = "fragmentTime";
const _fTVEO = "forceTsVideoEbpOrder";
const _fTi = "finishTime";
const _fU = "fileUrl";
const _fW = "fontWeight";
const _fe = "features";
const _fee = "feeds";
const _fi = "filter";
const _fo = "fourcc";
const _fr = "framerate";
const _gBR = "gopBReference";
const _gCC = "gopClosedCadence";
const _gH = "gapHandling";
const _gPS = "gopsPerSegment";
const _gPX = "greenPrimaryX";
const _gPY = "greenPrimaryY";
const _gS = "gopSize";
const _gSU = "gopSizeUnits";
const _gSi = "gifSettings";
const _h = "height";
const _hBFFP = "hrdBufferFinalFillPercentage";
const _hBIFP = "hrdBufferInitialFillPercentage";
const _hBS = "hrdBufferSize";
const _hC = "hbbtvCompliance";
const _hD = "hopDestinations";
const _hE = "httpError";
const _hFC = "hexFontColor";
const _hGS = "hlsGroupSettings";
const _hI = "httpInputs";
const _hIP = "heightInPx";
const _hIt = "httpsInputs";
const _hM = "hdr10Metadata";
const _hMd = "hdrMetadata";
const _hP = "hdr10Plus";
const _hPP = "hdr10PlusPresence";
const _hQ = "httpQuery";
const _hRGS = "hlsRenditionGroupSettings";
const _hS = "hlsSettings";
const _hSSI = "hlsSignaledSystemIds";
const _hSe = "h264Settings";
const _hSet = "h265Settings";
const _hTSTM = "hdrToSdrToneMapper";
const _ht = "http";
const _hu = "hue";
const _i = "id3";
const _iBTP = "imageBasedTrickPlay";
const _iBTPS = "imageBasedTrickPlaySettings";
const _iBTPV = "imageBasedTrickPlayVariants";
const _iC = "intervalCadence";
const _iCFT = "inputChannelsFineTune";
const _iCS = "inputColorSpace";
const _iCn = "inputClippings";
const _iCnp = "inputChannels";
const _iDMCD = "integerDurationMaximumCompressionDenominator";
const _iDMCN = "integerDurationMaximumCompressionNumerator";
const _iDP = "intraDcPrecision";
const _iDS = "imscDestinationSettings";
const _iDTTM = "integerDurationTrimThresholdMilliseconds";
const _iF = "inputFiles";
const _iFOM = "iFrameOnlyManifest";
const _iFn = "inputFile";
const _iI = "insertableImages";
const _iII = "imageInserterInput";
const _iId = "id3Insertions";
const _iIm = "imageInserter";
const _iIma = "imageInput";
const _iM = "interlaceMode";
const _iML = "inputMasteringLuminance";
const _iMn = "insertionMode";
const _iP = "initialPosition";
const _iST = "inputScanType";
const _iT = "idempotencyToken";
const _iV = "initializationVector";
const _iVIM = "initializationVectorInManifest";
const _iX = "imageX";
const _iY = "imageY";
const _id = "id";
const _in = "info";
const _ind = "index";
const _inp = "inputs";
const _inpu = "input";
const _j = "job";
const _jEV = "jobEngineVersion";
const _jEVR = "jobEngineVersionRequested";
const _jEVU = "jobEngineVersionUsed";
const _jI = "jobId";
const _jN = "jsonName";
const _jPC = "jobPercentComplete";
const _jT = "jobTemplate";
const _jTo = "jobTemplates";
const _jo = "jobs";
const _k = "key";
const _kEC = "kmsEncryptionContext";
const _kF = "keyFormat";
const _kFV = "keyFormatVersions";
const _kKA = "kmsKeyArn";
const _kKR = "kmsKeyRegion";
const _kLI = "kantarLicenseId";
const _kM = "klvMetadata";
const _kSU = "kantarServerUrl";
const _kW = "kantarWatermark";
const _l = "level";
const _lB = "listBy";
const _lC = "languageCode";
const _lCC = "languageCodeControl";
const _lCf = "lfeControl";
const _lD = "languageDescription";
const _lDo = "logDestination";
const _lF = "lfeFilter";
const _lL = "loudnessLogging";
const _lM = "l6Metadata";
const _lMM = "loudnessMeasurementMode";
const _lMa = "lastModified";
const _lMo = "l6Mode";
const _lOAAR = "__listOfAutomatedAbrRule";
const _lOAD = "__listOfAudioDescription";
const _lOARS = "__listOfAllowedRenditionSize";
const _lOCAM = "__listOfCmafAdditionalManifest";
const _lOCCDLUTS = "__listOfColorConversion3DLUTSetting";
const _lOCD = "__listOfCaptionDescription";
const _lOCDP = "__listOfCaptionDescriptionPreset";
const _lOCIBTPV = "__listOfCmafImageBasedTrickPlayVariant";
const _lODAM = "__listOfDashAdditionalManifest";
const _lODIIBTPV = "__listOfDashIsoImageBasedTrickPlayVariant";
const _lOE = "__listOfEndpoint";
const _lOEIF = "__listOfElementalInferenceFeed";
const _lOFIRS = "__listOfForceIncludeRenditionSize";
const _lOHAM = "__listOfHlsAdditionalManifest";
const _lOHCLM = "__listOfHlsCaptionLanguageMapping";
const _lOHD = "__listOfHopDestination";
const _lOHIBTPV = "__listOfHlsImageBasedTrickPlayVariant";
const _lOI = "__listOfInput";
const _lOIC = "__listOfInputClipping";
const _lOII = "__listOfId3Insertion";
const _lOIIi = "__listOfInsertableImage";
const _lOIT = "__listOfInputTemplate";
const _lOJ = "__listOfJob";
const _lOJEV = "__listOfJobEngineVersion";
const _lOJQF = "__listOfJobsQueryFilter";
const _lOJT = "__listOfJobTemplate";
const _lOMII = "__listOfMotionImageInserter";
const _lOMSAM = "__listOfMsSmoothAdditionalManifest";
const _lOMVS = "__listOfMultiViewSettings";
const _lOO = "__listOfOutput";
const _lOOCM = "__listOfOutputChannelMapping";
const _lOOD = "__listOfOutputDetail";
const _lOOG = "__listOfOutputGroup";
const _lOOGD = "__listOfOutputGroupDetail";
const _lOP = "__listOfPreset";
const _lOPIF = "__listOfProbeInputFile";
const _lOPR = "__listOfProbeResult";
const _lOQ = "__listOfQueue";
const _lOQT = "__listOfQueueTransition";
const _lOSO = "__listOfServiceOverride";
const _lOT = "__listOfTrack";
const _lOTM = "__listOfTrackMapping";
const _lOVO = "__listOfVideoOverlay";
const _lOVOIC = "__listOfVideoOverlayInputClipping";
const _lOVOT = "__listOfVideoOverlayTransition";
const _lOWG = "__listOfWarningGroup";
const _lRCML = "loRoCenterMixLevel";
const _lRCMLt = "ltRtCenterMixLevel";
const _lRSML = "loRoSurroundMixLevel";
const _lRSMLt = "ltRtSurroundMixLevel";
const _lSD = "lastShareDetails";
const _lU = "lastUpdated";
const _la = "layer";
const _li = "license";
const _m = "message";
const _mAB = "maxAbrBitrate";
const _mABa = "maxAverageBitrate";
const _mABi = "minAbrBitrate";
const _mADS = "maxAncDataSize";
const _mB = "maxBitrate";
const _mBRS = "minBottomRenditionSize";
const _mBT = "minBufferTime";
const _mC = "metadataControl";
const _mCCN = "manifestConfirmConditionNotification";
const _mCF = "maximumConcurrentFeeds";
const _mCLL = "maxContentLightLevel";
const _mCa = "manifestCompression";
const _mCat = "matrixCoefficients";
const _mCax = "maxCll";
const _mCaxa = "maxCaptures";
const _mD = "metadataDestination";
const _mDCV = "masteringDisplayColorVolume";
const _mDF = "manifestDurationFormat";
const _mE = "manifestEncoding";
const _mEI = "minEbpInterval";
const _mF = "maxFall";
const _mFALL = "maxFrameAverageLightLevel";
const _mFCCC = "mpeg2FourCCControl";
const _mFSL = "minFinalSegmentLength";
const _mII = "minIInterval";
const _mIIo = "motionImageInserter";
const _mIIot = "motionImageInserters";
const _mL = "maxLuminance";
const _mLi = "minLuminance";
const _mM = "meteringMode";
const _mMB = "mp4MajorBrand";
const _mMBT = "mpdManifestBandwidthType";
const _mMN = "masteringMonitorNits";
const _mMS = "manifestMetadataSignaling";
const _mNM = "manifestNameModifier";
const _mOAS = "__mapOfAudioSelector";
const _mOASG = "__mapOfAudioSelectorGroup";
const _mOCS = "__mapOfCaptionSelector";
const _mODAS = "__mapOfDynamicAudioSelector";
const _mOPB = "mvOverPictureBoundaries";
const _mP = "mpdProfile";
const _mPI = "maxPcrInterval";
const _mPo = "moovPlacement";
const _mQL = "maxQualityLevel";
const _mR = "maxRenditions";
const _mRGBT = "maximumRGBTolerance";
const _mRGBTi = "minimumRGBTolerance";
const _mRa = "maxResults";
const _mS = "mp2Settings";
const _mSGS = "msSmoothGroupSettings";
const _mSL = "minSegmentLength";
const _mSo = "movSettings";
const _mSp = "mp3Settings";
const _mSpd = "mpdSettings";
const _mSpe = "mp4Settings";
const _mSpeg = "mpeg2Settings";
const _mSt = "m2tsSettings";
const _mSu = "m3u8Settings";
const _mSx = "mxfSettings";
const _mT = "mimeType";
const _mTP = "mvTemporalPredictor";
const _mTRS = "minTopRenditionSize";
const _mVS = "multiViewSettings";
const _mX = "mccXml";
const _mYUV = "maximumYUV";
const _mYUVi = "minimumYUV";
const _ma = "mapping";
const _me = "messages";
const _met = "metadata3";
const _meta = "metadata4";
const _metad = "metadata5";
const _metada = "metadata6";
const _metadat = "metadata7";
const _metadata = "metadata8";
const _metadata_ = "metadata";
const _mo = "mode";
const _n = "numerator";
const _nBFBRF = "numberBFramesBetweenReferenceFrames";
const _nC = "nielsenConfiguration";
const _nFMS = "nexguardFileMarkerSettings";
const _nI = "networkId";
const _nIi = "nitInterval";
const _nIie = "nielsenId3";
const _nM = "nameModifier";
const _nN = "networkName";
const _nNLW = "nielsenNonLinearWatermark";
const _nPB = "nullPacketBitrate";
const _nR = "noiseReducer";
const _nRF = "numberReferenceFrames";
const _nT = "nextToken";
const _na = "name";
const _o = "offset";
const _oC = "objectCount";
const _oCS = "outputColorSpace";
const _oCu = "outlineColor";
const _oCut = "outputChannels";
const _oD = "outputDetails";
const _oE = "offlineEncrypted";
const _oG = "outputGroups";
const _oGD = "outputGroupDetails";
const _oGS = "outputGroupSettings";
const _oML = "outputMasteringLuminance";
const _oS = "opusSettings";
const _oSu = "outlineSize";
const _oSut = "outputSdt";
const _oSutp = "outputSelection";
const _oSutpu = "outputSettings";
const _oV = "overrideValue";
const _op = "opacity";
const _or = "order";
const _ou = "outputs";
const _p = "pids";
const _pA = "purchasedAt";
const _pBU = "preventBufferUnderflow";
const _pC = "passthroughControl";
const _pCa = "parControl";
const _pCad = "paddingControl";
const _pCc = "pcrControl";
const _pCe = "peakCalculation";
const _pCh = "phaseControl";
const _pCs = "psiControl";
const _pD = "parDenominator";
const _pDC = "playbackDeviceCompatibility";
const _pDT = "programDateTime";
const _pDTP = "programDateTimePeriod";
const _pFM = "perFrameMetrics";
const _pFSS = "postFilterSharpenStrength";
const _pI = "patInterval";
const _pIm = "pmtInterval";
const _pJC = "progressingJobsCount";
const _pMP = "privateMetadataPid";
const _pN = "parNumerator";
const _pNa = "pageNumber";
const _pNr = "programNumber";
const _pO = "ptsOffset";
const _pOHFBF = "ptsOffsetHandlingForBFrames";
const _pOM = "ptsOffsetMode";
const _pP = "pricingPlan";
const _pPc = "pcrPid";
const _pPm = "pmtPid";
const _pR = "probeResults";
const _pS = "programSelection";
const _pSa = "passthroughSettings";
const _pSr = "proresSettings";
const _pT = "pageTypes";
const _pTS = "postTemporalSharpening";
const _pTSS = "postTemporalSharpeningStrength";
const _pV = "padVideo";
const _pW = "partnerWatermarking";
const _pWHM = "progressiveWriteHlsManifest";
const _pa = "payload";
const _pi = "pid";
const _pl = "playback";
const _po = "policy";
const _pos = "position";
const _pr = "profile";
const _pre = "preset";
const _pref = "prefix";
const _pres = "presets";
const _pri = "priority";
const _q = "queue";
const _qQL = "qvbrQualityLevel";
const _qQLFT = "qvbrQualityLevelFineTune";
const _qS = "qvbrSettings";
const _qT = "queueTransitions";
const _qTL = "qualityTuningLevel";
const _qu = "quality";
const _que = "queues";
const _r = "required";
const _rC = "retryCount";
const _rCM = "rateControlMode";
const _rF = "rawFormat";
const _rGI = "renditionGroupId";
const _rI = "rapInterval";
const _rIe = "resourceId";
const _rLC = "renditionLanguageCode";
const _rM = "rateMode";
const _rN = "renditionName";
const _rP = "repeatPps";
const _rPS = "reservationPlanSettings";
const _rPX = "redPrimaryX";
const _rPY = "redPrimaryY";
const _rPe = "reservationPlan";
const _rRRA = "removeRubyReserveAttributes";
const _rS = "remixSettings";
const _rSP = "responseSignalPreroll";
const _rSe = "reservedSlots";
const _rT = "resourceTags";
const _rTA = "respondToAfd";
const _rTe = "renewalType";
const _re = "reference";
const _ro = "rotation";
const _rol = "role";
const _rot = "rotate";
const _rp = "rpu";
const _ru = "rules";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.mediaconvert";
const _sACN = "sourceAncillaryChannelNumber";
const _sAE = "saliencyAwareEncoding";
const _sAOFM = "sampleAdaptiveOffsetFilterMode";
const _sAP = "spekeAudioPreset";
const _sAQ = "spatialAdaptiveQuantization";
const _sAR = "sampleAspectRatio";
const _sB = "scalingBehavior";
const _sC = "shadowColor";
const _sCD = "sceneChangeDetect";
const _sCI = "supportCaseId";
const _sCN = "source608ChannelNumber";
const _sCe = "segmentControl";
const _sCt = "storageClass";
const _sD = "stereoDownmix";
const _sDS = "sccDestinationSettings";
const _sDSr = "srtDestinationSettings";
const _sE = "scte35Esam";
const _sEM = "surroundExMode";
const _sEP = "scte35EsamPid";
const _sF = "sourceFile";
const _sFS = "spatialFilterSettings";
const _sI = "sdtInterval";
const _sIR = "streamInfResolution";
const _sIn = "s3Inputs";
const _sIo = "sourceId";
const _sIu = "supplementalImps";
const _sIy = "systemIds";
const _sJC = "submittedJobsCount";
const _sKK = "signingKmsKey";
const _sKP = "spekeKeyProvider";
const _sKPt = "staticKeyProvider";
const _sKV = "staticKeyValue";
const _sL = "segmentLength";
const _sLC = "segmentLengthControl";
const _sM = "surroundMode";
const _sMe = "segmentModifier";
const _sMeg = "segmentationMarkers";
const _sMegm = "segmentationMode";
const _sN = "streamName";
const _sNe = "serviceName";
const _sNt = "streamNumber";
const _sO = "shadowOpacity";
const _sOe = "selectedOutputs";
const _sOer = "serviceOverrides";
const _sP = "smpte337Passthrough";
const _sPN = "serviceProviderName";
const _sPNi = "signalProcessingNotification";
const _sPPC = "slowPalPitchCorrection";
const _sPS = "segmentsPerSubdirectory";
const _sPc = "scte35Pid";
const _sPl = "slowPal";
const _sPt = "stylePassthrough";
const _sQ = "sourceQueue";
const _sR = "sampleRate";
const _sRC = "sampleRangeConversion";
const _sRQ = "simulateReservedQueue";
const _sRWL = "sdrReferenceWhiteLevel";
const _sRa = "sampleRange";
const _sS = "sourceSettings";
const _sSc = "scte35Source";
const _sSe = "s3Settings";
const _sSeg = "segmentationStyle";
const _sSh = "shareStatus";
const _sT = "selectorType";
const _sTCM = "scanTypeConversionMode";
const _sTN = "source608TrackNumber";
const _sTc = "scanType";
const _sTe = "segmentationTime";
const _sTo = "sourceType";
const _sTp = "speechThreshold";
const _sTt = "startTimecode";
const _sTta = "startTime";
const _sTu = "subtitlingType";
const _sTub = "submitTime";
const _sUI = "statusUpdateInterval";
const _sVP = "spekeVideoPreset";
const _sWM = "slidingWindowMs";
const _sWPB = "slidingWindowPeakBitrate";
const _sWS = "sourceWatermarkStatus";
const _sX = "sccXml";
const _sXO = "shadowXOffset";
const _sYO = "shadowYOffset";
const _sa = "saturation";
const _se = "server";
const _set = "settings";
const _sh = "sharpening";
const _sha = "sharpness";
const _sl = "slices";
const _so = "source";
const _sof = "softness";
const _sp = "specification";
const _spe = "speed";
const _st = "streams";
const _sta = "status";
const _star = "start";
const _str = "strength";
const _sy = "syntax";
const _t = "tracks";
const _tAQ = "temporalAdaptiveQuantization";
const _tB = "timecodeBurnin";
const _tBS = "treeBlockSize";
const _tC = "terminateCaptions";
const _tCJ = "totalConcurrentJobs";
const _tCi = "timecodeConfig";
const _tCr = "transferCharacteristics";
const _tD = "timeDelta";
const _tDCM = "targetDurationCompatibilityMode";
const _tDM = "timestampDeltaMilliseconds";
const _tDS = "teletextDestinationSettings";
const _tDSt = "ttmlDestinationSettings";
const _tDU = "timeDeltaUnits";
const _tDe = "textDecoration";
const _tFS = "temporalFilterSettings";
const _tH = "thumbnailHeight";
const _tHi = "tileHeight";
const _tI = "thumbnailInterval";
const _tId = "tdtInterval";
const _tIe = "temporalIds";
const _tIi = "timecodeInsertion";
const _tK = "tagKeys";
const _tL = "targetLkfs";
const _tLR = "targetLoudnessRange";
const _tM = "timedMetadata";
const _tMBV = "timedMetadataBoxVersion";
const _tMI = "timedMetadataInsertion";
const _tMIF = "timedMetadataId3Frame";
const _tMIP = "timedMetadataId3Period";
const _tMN = "targetMonitorNits";
const _tMP = "timedMetadataPid";
const _tMSIU = "timedMetadataSchemeIdUri";
const _tMV = "timedMetadataValue";
const _tMr = "trackMappings";
const _tN = "trackNumber";
const _tO = "timestampOffset";
const _tP = "tilePadding";
const _tPLT = "truePeakLimiterThreshold";
const _tS = "teletextSpacing";
const _tSI = "transportStreamId";
const _tSS = "teletextSourceSettings";
const _tSSr = "trackSourceSettings";
const _tSU = "ticServerUrl";
const _tSa = "tamsSettings";
const _tSi = "timecodeSource";
const _tSim = "timecodeStart";
const _tT = "trackType";
const _tTi = "timecodeTrack";
const _tW = "thumbnailWidth";
const _tWi = "tileWidth";
const _ta = "tags";
const _te = "telecine";
const _ti = "tiles";
const _tim = "timecode";
const _time = "timerange";
const _times = "timestamp";
const _timi = "timing";
const _tr = "transitions";
const _ty = "type";
const _u = "url";
const _uAW = "uncompressedAudioWrapping";
const _uCJ = "unallocatedConcurrentJobs";
const _uM = "userMetadata";
const _uS = "uncompressedSettings";
const _uST = "unregisteredSeiTimecode";
const _uSTLTT = "upconvertSTLToTeletext";
const _uTPAT = "uniqueTicPerAudioTrack";
const _un = "unit";
const _v = "version";
const _vA = "vchipAction";
const _vC = "vc3Class";
const _vCO = "videoCompositionOffsets";
const _vD = "videoDescription";
const _vDi = "videoDetails";
const _vG = "videoGenerator";
const _vO = "videoOverlays";
const _vP = "videoPid";
const _vPi = "videoProperties";
const _vPid = "videoPreprocessors";
const _vQ = "vbrQuality";
const _vS = "vorbisSettings";
const _vSM = "videoSelectorMode";
const _vSc = "vc3Settings";
const _vSi = "videoSelector";
const _vSp = "vp8Settings";
const _vSpe = "vp9Settings";
const _vTI = "videoTrackIndexes";
const _va = "values";
const _val = "value";
const _ve = "versions";
const _w = "width";
const _wDM = "writeDashManifest";
const _wDS = "webvttDestinationSettings";
const _wHM = "writeHlsManifest";
const _wHSS = "webvttHlsSourceSettings";
const _wIP = "widthInPx";
const _wM = "waitMinutes";
const _wMPT = "writeMp4PackagingType";
const _wPX = "whitePointX";
const _wPY = "whitePointY";
const _wS = "wavSettings";
const _wSTIR = "writeSegmentTimelineInRepresentation";
const _wa = "warnings";
const _war = "warning";
const _x = "x";
const _xC = "xavcClass";
const _xHICPS = "xavcHdIntraCbgProfileSettings";
const _xHPS = "xavcHdProfileSettings";
const _xICPS = "xavc4kIntraCbgProfileSettings";
const _xIVPS = "xavc4kIntraVbrProfileSettings";
const _xP = "xPosition";
const _xPS = "xavcProfileSettings";
const _xPSa = "xavc4kProfileSettings";
const _xS = "xavcSettings";
const _y = "y";
const _yP = "yPosition";
const n0 = "com.amazonaws.mediaconvert";
const _s_registry = new TypeRegistry(_s);
var MediaConvertServiceException$ = [-3, _s, "MediaConvertServiceException", 0, [], []];
_s_registry.registerError(MediaConvertServiceException$, MediaConvertServiceException);
const n0_registry = new TypeRegistry(n0);
var BadRequestException$ = [-3, n0, _BRE,
    { [_e]: _c, [_hE]: 400 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(BadRequestException$, BadRequestException);
var ConflictException$ = [-3, n0, _CE,
    { [_e]: _c, [_hE]: 409 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(ConflictException$, ConflictException);
var ForbiddenException$ = [-3, n0, _FE,
    { [_e]: _c, [_hE]: 403 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(ForbiddenException$, ForbiddenException);
var InternalServerErrorException$ = [-3, n0, _ISEE,
    { [_e]: _se, [_hE]: 500 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(InternalServerErrorException$, InternalServerErrorException);
var NotFoundException$ = [-3, n0, _NFE,
    { [_e]: _c, [_hE]: 404 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(NotFoundException$, NotFoundException);
var ServiceQuotaExceededException$ = [-3, n0, _SQEE,
    { [_e]: _c, [_hE]: 402 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(ServiceQuotaExceededException$, ServiceQuotaExceededException);
var TooManyRequestsException$ = [-3, n0, _TMRE,
    { [_e]: _c, [_hE]: 429 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(TooManyRequestsException$, TooManyRequestsException);
var UnprocessableEntityException$ = [-3, n0, _UEE,
    { [_e]: _c, [_hE]: 422 },
    [_M],
    [[0, { [_jN]: _m }]]
];
n0_registry.registerError(UnprocessableEntityException$, UnprocessableEntityException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var AacSettings$ = [3, n0, _AS,
    0,
    [_ADBM, _B, _CP, _CM, _LMM, _PC, _RI, _RCM, _RF, _SR, _S, _TLR, _VQ],
    [[0, { [_jN]: _aDBM }], [1, { [_jN]: _b }], [0, { [_jN]: _cP }], [0, { [_jN]: _cM }], [0, { [_jN]: _lMM }], [0, { [_jN]: _pC }], [1, { [_jN]: _rI }], [0, { [_jN]: _rCM }], [0, { [_jN]: _rF }], [1, { [_jN]: _sR }], [0, { [_jN]: _sp }], [1, { [_jN]: _tLR }], [0, { [_jN]: _vQ }]]
];
var Ac3Settings$ = [3, n0, _ASc,
    0,
    [_B, _BM, _CM, _D, _DRCL, _DRCP, _DRCR, _LF, _MC, _SR],
    [[1, { [_jN]: _b }], [0, { [_jN]: _bM }], [0, { [_jN]: _cM }], [1, { [_jN]: _d }], [0, { [_jN]: _dRCL }], [0, { [_jN]: _dRCP }], [0, { [_jN]: _dRCR }], [0, { [_jN]: _lF }], [0, { [_jN]: _mC }], [1, { [_jN]: _sR }]]
];
var Ac4Settings$ = [3, n0, _ASce,
    0,
    [_B, _BM, _CM, _DRCFPT, _DRCHT, _DRCPH, _DRCPS, _LRCML, _LRSML, _LRCMLt, _LRSMLt, _SR, _SD],
    [[1, { [_jN]: _b }], [0, { [_jN]: _bM }], [0, { [_jN]: _cM }], [0, { [_jN]: _dRCFPT }], [0, { [_jN]: _dRCHT }], [0, { [_jN]: _dRCPH }], [0, { [_jN]: _dRCPS }], [1, { [_jN]: _lRCML }], [1, { [_jN]: _lRSML }], [1, { [_jN]: _lRCMLt }], [1, { [_jN]: _lRSMLt }], [1, { [_jN]: _sR }], [0, { [_jN]: _sD }]]
];
var AccelerationSettings$ = [3, n0, _AScc,
    0,
    [_Mo],
    [[0, { [_jN]: _mo }]], 1
];
var AdvancedInputFilterSettings$ = [3, n0, _AIFS,
    0,
    [_AT, _Sh],
    [[0, { [_jN]: _aT }], [0, { [_jN]: _sh }]]
];
var AiffSettings$ = [3, n0, _ASi,
    0,
    [_BD, _C, _SR],
    [[1, { [_jN]: _bD }], [1, { [_jN]: _ch }], [1, { [_jN]: _sR }]]
];
var AllowedRenditionSize$ = [3, n0, _ARS,
    0,
    [_H, _R, _W],
    [[1, { [_jN]: _h }], [0, { [_jN]: _r }], [1, { [_jN]: _w }]]
];
var AncillarySourceSettings$ = [3, n0, _ASS,
    0,
    [_CT, _SACN, _TC],
    [[0, { [_jN]: _cT }], [1, { [_jN]: _sACN }], [0, { [_jN]: _tC }]]
];
var AspectRatio$ = [3, n0, _AR,
    0,
    [_De, _N],
    [[1, { [_jN]: _de }], [1, { [_jN]: _n }]]
];
var AssociateCertificateRequest$ = [3, n0, _ACR,
    0,
    [_A],
    [[0, { [_jN]: _a }]], 1
];
var AssociateCertificateResponse$ = [3, n0, _ACRs,
    0,
    [],
    []
];
var AudioChannelTaggingSettings$ = [3, n0, _ACTS,
    0,
    [_CTh, _CTha],
    [[0, { [_jN]: _cTh }], [64 | 0, { [_jN]: _cTha }]]
];
var AudioCodecSettings$ = [3, n0, _ACS,
    0,
    [_AS, _ASc, _ASce, _ASi, _Co, _EAS, _ES, _FS, _MS, _MSp, _OS, _VS, _WS],
    [[() => AacSettings$, { [_jN]: _aS }], [() => Ac3Settings$, { [_jN]: _aSc }], [() => Ac4Settings$, { [_jN]: _aSce }], [() => AiffSettings$, { [_jN]: _aSi }], [0, { [_jN]: _co }], [() => Eac3AtmosSettings$, { [_jN]: _eAS }], [() => Eac3Settings$, { [_jN]: _eS }], [() => FlacSettings$, { [_jN]: _fS }], [() => Mp2Settings$, { [_jN]: _mS }], [() => Mp3Settings$, { [_jN]: _mSp }], [() => OpusSettings$, { [_jN]: _oS }], [() => VorbisSettings$, { [_jN]: _vS }], [() => WavSettings$, { [_jN]: _wS }]]
];
var AudioDescription$ = [3, n0, _AD,
    0,
    [_ACTS, _ANS, _APCS, _ASN, _ATu, _ATC, _CS, _CLC, _LC, _LCC, _RS, _SN],
    [[() => AudioChannelTaggingSettings$, { [_jN]: _aCTS }], [() => AudioNormalizationSettings$, { [_jN]: _aNS }], [() => AudioPitchCorrectionSettings$, { [_jN]: _aPCS }], [0, { [_jN]: _aSN }], [1, { [_jN]: _aTu }], [0, { [_jN]: _aTC }], [() => AudioCodecSettings$, { [_jN]: _cS }], [0, { [_jN]: _cLC }], [0, { [_jN]: _lC }], [0, { [_jN]: _lCC }], [() => RemixSettings$, { [_jN]: _rS }], [0, { [_jN]: _sN }]]
];
var AudioNormalizationSettings$ = [3, n0, _ANS,
    0,
    [_Al, _AC, _CGL, _LL, _PCe, _TL, _TPLT],
    [[0, { [_jN]: _al }], [0, { [_jN]: _aC }], [1, { [_jN]: _cGL }], [0, { [_jN]: _lL }], [0, { [_jN]: _pCe }], [1, { [_jN]: _tL }], [1, { [_jN]: _tPLT }]]
];
var AudioPitchCorrectionSettings$ = [3, n0, _APCS,
    0,
    [_SPPC],
    [[0, { [_jN]: _sPPC }]]
];
var AudioProperties$ = [3, n0, _AP,
    0,
    [_BD, _BR, _CL, _C, _FR, _LC, _OC, _SR],
    [[1, { [_jN]: _bD }], [1, { [_jN]: _bR }], [0, { [_jN]: _cL }], [1, { [_jN]: _ch }], [() => FrameRate$, { [_jN]: _fR }], [0, { [_jN]: _lC }], [1, { [_jN]: _oC }], [1, { [_jN]: _sR }]]
];
var AudioSelector$ = [3, n0, _ASu,
    0,
    [_ADC, _CLC, _DS, _EAFI, _HRGS, _LC, _O, _P, _PS, _RS, _ST, _SP, _St, _T],
    [[0, { [_jN]: _aDC }], [0, { [_jN]: _cLC }], [0, { [_jN]: _dS }], [0, { [_jN]: _eAFI }], [() => HlsRenditionGroupSettings$, { [_jN]: _hRGS }], [0, { [_jN]: _lC }], [1, { [_jN]: _o }], [64 | 1, { [_jN]: _p }], [1, { [_jN]: _pS }], [() => RemixSettings$, { [_jN]: _rS }], [0, { [_jN]: _sT }], [0, { [_jN]: _sP }], [64 | 1, { [_jN]: _st }], [64 | 1, { [_jN]: _t }]]
];
var AudioSelectorGroup$ = [3, n0, _ASG,
    0,
    [_ASNu],
    [[64 | 0, { [_jN]: _aSNu }]]
];
var AutomatedAbrRule$ = [3, n0, _AAR,
    0,
    [_ARl, _FIR, _MBRS, _MTRS, _Ty],
    [[() => __listOfAllowedRenditionSize, { [_jN]: _aR }], [() => __listOfForceIncludeRenditionSize, { [_jN]: _fIR }], [() => MinBottomRenditionSize$, { [_jN]: _mBRS }], [() => MinTopRenditionSize$, { [_jN]: _mTRS }], [0, { [_jN]: _ty }]]
];
var AutomatedAbrSettings$ = [3, n0, _AAS,
    0,
    [_MAB, _MQL, _MR, _MABi, _Ru],
    [[1, { [_jN]: _mAB }], [1, { [_jN]: _mQL }], [1, { [_jN]: _mR }], [1, { [_jN]: _mABi }], [() => __listOfAutomatedAbrRule, { [_jN]: _ru }]]
];
var AutomatedEncodingSettings$ = [3, n0, _AES,
    0,
    [_ASb],
    [[() => AutomatedAbrSettings$, { [_jN]: _aSb }]]
];
var Av1QvbrSettings$ = [3, n0, _AQS,
    0,
    [_QQL, _QQLFT],
    [[1, { [_jN]: _qQL }], [1, { [_jN]: _qQLFT }]]
];
var Av1Settings$ = [3, n0, _ASv,
    0,
    [_AQ, _BD, _B, _FGS, _FC, _FCA, _FD, _FN, _GS, _MB, _NBFBRF, _PFM, _QS, _RCM, _SCD, _Sl, _SWM, _SWPB, _SAQ],
    [[0, { [_jN]: _aQ }], [0, { [_jN]: _bD }], [1, { [_jN]: _b }], [0, { [_jN]: _fGS }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [1, { [_jN]: _gS }], [1, { [_jN]: _mB }], [1, { [_jN]: _nBFBRF }], [64 | 0, { [_jN]: _pFM }], [() => Av1QvbrSettings$, { [_jN]: _qS }], [0, { [_jN]: _rCM }], [0, { [_jN]: _sCD }], [1, { [_jN]: _sl }], [1, { [_jN]: _sWM }], [1, { [_jN]: _sWPB }], [0, { [_jN]: _sAQ }]]
];
var AvailBlanking$ = [3, n0, _AB,
    0,
    [_ABI],
    [[0, { [_jN]: _aBI }]]
];
var AvcIntraSettings$ = [3, n0, _AIS,
    0,
    [_AIC, _AIUS, _FC, _FCA, _FD, _FN, _IM, _PFM, _STCM, _SPl, _Te],
    [[0, { [_jN]: _aIC }], [() => AvcIntraUhdSettings$, { [_jN]: _aIUS }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [0, { [_jN]: _iM }], [64 | 0, { [_jN]: _pFM }], [0, { [_jN]: _sTCM }], [0, { [_jN]: _sPl }], [0, { [_jN]: _te }]]
];
var AvcIntraUhdSettings$ = [3, n0, _AIUS,
    0,
    [_QTL],
    [[0, { [_jN]: _qTL }]]
];
var BandwidthReductionFilter$ = [3, n0, _BRF,
    0,
    [_Sh, _Str],
    [[0, { [_jN]: _sh }], [0, { [_jN]: _str }]]
];
var BurninDestinationSettings$ = [3, n0, _BDS,
    0,
    [_Ali, _AFC, _BC, _BO, _FF, _FCo, _FFB, _FFBI, _FFI, _FFR, _FO, _FRo, _FSo, _FSon, _HFC, _OCu, _OSu, _RRRA, _SC, _SO, _SXO, _SYO, _SPt, _TS, _XP, _YP],
    [[0, { [_jN]: _ali }], [0, { [_jN]: _aFC }], [0, { [_jN]: _bC }], [1, { [_jN]: _bO }], [0, { [_jN]: _fF }], [0, { [_jN]: _fCo }], [0, { [_jN]: _fFB }], [0, { [_jN]: _fFBI }], [0, { [_jN]: _fFI }], [0, { [_jN]: _fFR }], [1, { [_jN]: _fO }], [1, { [_jN]: _fRo }], [0, { [_jN]: _fSo }], [1, { [_jN]: _fSon }], [0, { [_jN]: _hFC }], [0, { [_jN]: _oCu }], [1, { [_jN]: _oSu }], [0, { [_jN]: _rRRA }], [0, { [_jN]: _sC }], [1, { [_jN]: _sO }], [1, { [_jN]: _sXO }], [1, { [_jN]: _sYO }], [0, { [_jN]: _sPt }], [0, { [_jN]: _tS }], [1, { [_jN]: _xP }], [1, { [_jN]: _yP }]]
];
var CancelJobRequest$ = [3, n0, _CJR,
    0,
    [_I],
    [[0, 1]], 1
];
var CancelJobResponse$ = [3, n0, _CJRa,
    0,
    [],
    []
];
var CaptionDescription$ = [3, n0, _CD,
    0,
    [_ASNud, _CSN, _CLC, _DSe, _LC, _LD, _So],
    [[64 | 0, { [_jN]: _aSNud }], [0, { [_jN]: _cSN }], [0, { [_jN]: _cLC }], [() => CaptionDestinationSettings$, { [_jN]: _dSe }], [0, { [_jN]: _lC }], [0, { [_jN]: _lD }], [0, { [_jN]: _so }]]
];
var CaptionDescriptionPreset$ = [3, n0, _CDP,
    0,
    [_CLC, _DSe, _LC, _LD],
    [[0, { [_jN]: _cLC }], [() => CaptionDestinationSettings$, { [_jN]: _dSe }], [0, { [_jN]: _lC }], [0, { [_jN]: _lD }]]
];
var CaptionDestinationSettings$ = [3, n0, _CDS,
    0,
    [_BDS, _DT, _DSDS, _EDS, _IDS, _SDS, _SDSr, _TDS, _TDSt, _WDS],
    [[() => BurninDestinationSettings$, { [_jN]: _bDS }], [0, { [_jN]: _dT }], [() => DvbSubDestinationSettings$, { [_jN]: _dSDS }], [() => EmbeddedDestinationSettings$, { [_jN]: _eDS }], [() => ImscDestinationSettings$, { [_jN]: _iDS }], [() => SccDestinationSettings$, { [_jN]: _sDS }], [() => SrtDestinationSettings$, { [_jN]: _sDSr }], [() => TeletextDestinationSettings$, { [_jN]: _tDS }], [() => TtmlDestinationSettings$, { [_jN]: _tDSt }], [() => WebvttDestinationSettings$, { [_jN]: _wDS }]]
];
var CaptionSelector$ = [3, n0, _CSa,
    0,
    [_CLC, _LC, _SS],
    [[0, { [_jN]: _cLC }], [0, { [_jN]: _lC }], [() => CaptionSourceSettings$, { [_jN]: _sS }]]
];
var CaptionSourceFramerate$ = [3, n0, _CSF,
    0,
    [_FD, _FN],
    [[1, { [_jN]: _fD }], [1, { [_jN]: _fN }]]
];
var CaptionSourceSettings$ = [3, n0, _CSS,
    0,
    [_ASS, _DSSS, _ESS, _FSS, _STo, _TSS, _TSSr, _WHSS],
    [[() => AncillarySourceSettings$, { [_jN]: _aSS }], [() => DvbSubSourceSettings$, { [_jN]: _dSSS }], [() => EmbeddedSourceSettings$, { [_jN]: _eSS }], [() => FileSourceSettings$, { [_jN]: _fSS }], [0, { [_jN]: _sTo }], [() => TeletextSourceSettings$, { [_jN]: _tSS }], [() => TrackSourceSettings$, { [_jN]: _tSSr }], [() => WebvttHlsSourceSettings$, { [_jN]: _wHSS }]]
];
var ChannelMapping$ = [3, n0, _CMh,
    0,
    [_OCut],
    [[() => __listOfOutputChannelMapping, { [_jN]: _oCut }]]
];
var ClipLimits$ = [3, n0, _CLl,
    0,
    [_MRGBT, _MYUV, _MRGBTi, _MYUVi],
    [[1, { [_jN]: _mRGBT }], [1, { [_jN]: _mYUV }], [1, { [_jN]: _mRGBTi }], [1, { [_jN]: _mYUVi }]]
];
var CmafAdditionalManifest$ = [3, n0, _CAM,
    0,
    [_MNM, _SOe],
    [[0, { [_jN]: _mNM }], [64 | 0, { [_jN]: _sOe }]]
];
var CmafEncryptionSettings$ = [3, n0, _CES,
    0,
    [_CLS, _CIV, _EM, _IVIM, _SKP, _SKPt, _Ty],
    [[1, { [_jN]: _cLS }], [0, { [_jN]: _cIV }], [0, { [_jN]: _eM }], [0, { [_jN]: _iVIM }], [() => SpekeKeyProviderCmaf$, { [_jN]: _sKP }], [() => StaticKeyProvider$, { [_jN]: _sKPt }], [0, { [_jN]: _ty }]]
];
var CmafGroupSettings$ = [3, n0, _CGS,
    0,
    [_AM, _BU, _CC, _CSo, _DASG, _DIFTPNM, _DMS, _Des, _DSe, _E, _FL, _IBTP, _IBTPS, _IBTPV, _MCa, _MDF, _MBT, _MFSL, _MMBT, _MP, _POHFBF, _SCe, _SL, _SLC, _SIR, _TDCM, _VCO, _WDM, _WHM, _WSTIR],
    [[() => __listOfCmafAdditionalManifest, { [_jN]: _aM }], [0, { [_jN]: _bU }], [0, { [_jN]: _cC }], [0, { [_jN]: _cSo }], [64 | 0, { [_jN]: _dASG }], [0, { [_jN]: _dIFTPNM }], [0, { [_jN]: _dMS }], [0, { [_jN]: _des }], [() => DestinationSettings$, { [_jN]: _dSe }], [() => CmafEncryptionSettings$, { [_jN]: _en }], [1, { [_jN]: _fL }], [0, { [_jN]: _iBTP }], [() => CmafImageBasedTrickPlaySettings$, { [_jN]: _iBTPS }], [() => __listOfCmafImageBasedTrickPlayVariant, { [_jN]: _iBTPV }], [0, { [_jN]: _mCa }], [0, { [_jN]: _mDF }], [1, { [_jN]: _mBT }], [1, { [_jN]: _mFSL }], [0, { [_jN]: _mMBT }], [0, { [_jN]: _mP }], [0, { [_jN]: _pOHFBF }], [0, { [_jN]: _sCe }], [1, { [_jN]: _sL }], [0, { [_jN]: _sLC }], [0, { [_jN]: _sIR }], [0, { [_jN]: _tDCM }], [0, { [_jN]: _vCO }], [0, { [_jN]: _wDM }], [0, { [_jN]: _wHM }], [0, { [_jN]: _wSTIR }]]
];
var CmafImageBasedTrickPlaySettings$ = [3, n0, _CIBTPS,
    0,
    [_IC, _TH, _TI, _TW, _THi, _TWi],
    [[0, { [_jN]: _iC }], [1, { [_jN]: _tH }], [1, { [_jN]: _tI }], [1, { [_jN]: _tW }], [1, { [_jN]: _tHi }], [1, { [_jN]: _tWi }]]
];
var CmafImageBasedTrickPlayVariant$ = [3, n0, _CIBTPV,
    0,
    [_IC, _TH, _TI, _TW, _THi, _TWi],
    [[0, { [_jN]: _iC }], [1, { [_jN]: _tH }], [1, { [_jN]: _tI }], [1, { [_jN]: _tW }], [1, { [_jN]: _tHi }], [1, { [_jN]: _tWi }]]
];
var CmfcSettings$ = [3, n0, _CSm,
    0,
    [_ADu, _AGI, _ARSu, _ATT, _CMp, _CSe, _DVSF, _IFOM, _KM, _MMS, _SE, _SSc, _SKK, _TM, _TMBV, _TMSIU, _TMV],
    [[0, { [_jN]: _aD }], [0, { [_jN]: _aGI }], [0, { [_jN]: _aRS }], [0, { [_jN]: _aTT }], [0, { [_jN]: _cMp }], [0, { [_jN]: _cSe }], [0, { [_jN]: _dVSF }], [0, { [_jN]: _iFOM }], [0, { [_jN]: _kM }], [0, { [_jN]: _mMS }], [0, { [_jN]: _sE }], [0, { [_jN]: _sSc }], [0, { [_jN]: _sKK }], [0, { [_jN]: _tM }], [0, { [_jN]: _tMBV }], [0, { [_jN]: _tMSIU }], [0, { [_jN]: _tMV }]]
];
var CodecMetadata$ = [3, n0, _CMo,
    0,
    [_BD, _CSh, _CFR, _CPo, _CLL, _DAR, _DV, _FOi, _HPP, _H, _L, _MCat, _Pr, _Ro, _SAR, _STc, _TCr, _W],
    [[1, { [_jN]: _bD }], [0, { [_jN]: _cSh }], [() => FrameRate$, { [_jN]: _cFR }], [0, { [_jN]: _cPo }], [() => ContentLightLevel$, { [_jN]: _cLL }], [() => AspectRatio$, { [_jN]: _dAR }], [() => DolbyVisionMetadata$, { [_jN]: _dV }], [0, { [_jN]: _fOi }], [0, { [_jN]: _hPP }], [1, { [_jN]: _h }], [0, { [_jN]: _l }], [0, { [_jN]: _mCat }], [0, { [_jN]: _pr }], [1, { [_jN]: _ro }], [() => AspectRatio$, { [_jN]: _sAR }], [0, { [_jN]: _sTc }], [0, { [_jN]: _tCr }], [1, { [_jN]: _w }]]
];
var ColorConversion3DLUTSetting$ = [3, n0, _CCDLUTS,
    0,
    [_FI, _ICS, _IML, _OCS, _OML],
    [[0, { [_jN]: _fI }], [0, { [_jN]: _iCS }], [1, { [_jN]: _iML }], [0, { [_jN]: _oCS }], [1, { [_jN]: _oML }]]
];
var ColorCorrector$ = [3, n0, _CCo,
    0,
    [_Br, _CLl, _CSC, _Con, _HM, _HTSTM, _Hu, _ML, _SRC, _Sa, _SRWL],
    [[1, { [_jN]: _br }], [() => ClipLimits$, { [_jN]: _cLl }], [0, { [_jN]: _cSC }], [1, { [_jN]: _con }], [() => Hdr10Metadata$, { [_jN]: _hM }], [0, { [_jN]: _hTSTM }], [1, { [_jN]: _hu }], [1, { [_jN]: _mL }], [0, { [_jN]: _sRC }], [1, { [_jN]: _sa }], [1, { [_jN]: _sRWL }]]
];
var Container$ = [3, n0, _Cont,
    0,
    [_BR, _Du, _F, _STt, _T],
    [[1, { [_jN]: _bR }], [1, { [_jN]: _du }], [0, { [_jN]: _f }], [0, { [_jN]: _sTt }], [() => __listOfTrack, { [_jN]: _t }]]
];
var ContainerSettings$ = [3, n0, _CSon,
    0,
    [_CSm, _Cont, _FSv, _MSt, _MSu, _MSo, _MSpe, _MSpd, _MSx],
    [[() => CmfcSettings$, { [_jN]: _cSm }], [0, { [_jN]: _cont }], [() => F4vSettings$, { [_jN]: _fSv }], [() => M2tsSettings$, { [_jN]: _mSt }], [() => M3u8Settings$, { [_jN]: _mSu }], [() => MovSettings$, { [_jN]: _mSo }], [() => Mp4Settings$, { [_jN]: _mSpe }], [() => MpdSettings$, { [_jN]: _mSpd }], [() => MxfSettings$, { [_jN]: _mSx }]]
];
var ContentLightLevel$ = [3, n0, _CLL,
    0,
    [_MCLL, _MFALL],
    [[1, { [_jN]: _mCLL }], [1, { [_jN]: _mFALL }]]
];
var CreateJobRequest$ = [3, n0, _CJRr,
    0,
    [_Rol, _Se, _AScc, _BTS, _CRT, _EIS, _HD, _JEV, _JT, _Pri, _Q, _SRQ, _SUI, _Ta, _UM],
    [[0, { [_jN]: _rol }], [() => JobSettings$, { [_jN]: _set }], [() => AccelerationSettings$, { [_jN]: _aScc }], [0, { [_jN]: _bTS }], [0, { [_iT]: 1, [_jN]: _cRT }], [() => ElementalInferenceSettings$, { [_jN]: _eIS }], [() => __listOfHopDestination, { [_jN]: _hD }], [0, { [_jN]: _jEV }], [0, { [_jN]: _jT }], [1, { [_jN]: _pri }], [0, { [_jN]: _q }], [0, { [_jN]: _sRQ }], [0, { [_jN]: _sUI }], [128 | 0, { [_jN]: _ta }], [128 | 0, { [_jN]: _uM }]], 2
];
var CreateJobResponse$ = [3, n0, _CJRre,
    0,
    [_J],
    [[() => Job$, { [_jN]: _j }]]
];
var CreateJobTemplateRequest$ = [3, n0, _CJTR,
    0,
    [_Na, _Se, _AScc, _Ca, _Desc, _EIS, _HD, _Pri, _Q, _SUI, _Ta],
    [[0, { [_jN]: _na }], [() => JobTemplateSettings$, { [_jN]: _set }], [() => AccelerationSettings$, { [_jN]: _aScc }], [0, { [_jN]: _ca }], [0, { [_jN]: _desc }], [() => ElementalInferenceSettings$, { [_jN]: _eIS }], [() => __listOfHopDestination, { [_jN]: _hD }], [1, { [_jN]: _pri }], [0, { [_jN]: _q }], [0, { [_jN]: _sUI }], [128 | 0, { [_jN]: _ta }]], 2
];
var CreateJobTemplateResponse$ = [3, n0, _CJTRr,
    0,
    [_JT],
    [[() => JobTemplate$, { [_jN]: _jT }]]
];
var CreatePresetRequest$ = [3, n0, _CPR,
    0,
    [_Na, _Se, _Ca, _Desc, _Ta],
    [[0, { [_jN]: _na }], [() => PresetSettings$, { [_jN]: _set }], [0, { [_jN]: _ca }], [0, { [_jN]: _desc }], [128 | 0, { [_jN]: _ta }]], 2
];
var CreatePresetResponse$ = [3, n0, _CPRr,
    0,
    [_Pre],
    [[() => Preset$, { [_jN]: _pre }]]
];
var CreateQueueRequest$ = [3, n0, _CQR,
    0,
    [_Na, _CJ, _Desc, _MCF, _PP, _RPS, _Sta, _Ta],
    [[0, { [_jN]: _na }], [1, { [_jN]: _cJ }], [0, { [_jN]: _desc }], [1, { [_jN]: _mCF }], [0, { [_jN]: _pP }], [() => ReservationPlanSettings$, { [_jN]: _rPS }], [0, { [_jN]: _sta }], [128 | 0, { [_jN]: _ta }]], 1
];
var CreateQueueResponse$ = [3, n0, _CQRr,
    0,
    [_Q],
    [[() => Queue$, { [_jN]: _q }]]
];
var CreateResourceShareRequest$ = [3, n0, _CRSR,
    0,
    [_JI, _SCI],
    [[0, { [_jN]: _jI }], [0, { [_jN]: _sCI }]], 2
];
var CreateResourceShareResponse$ = [3, n0, _CRSRr,
    0,
    [],
    []
];
var DashAdditionalManifest$ = [3, n0, _DAM,
    0,
    [_MNM, _SOe],
    [[0, { [_jN]: _mNM }], [64 | 0, { [_jN]: _sOe }]]
];
var DashIsoEncryptionSettings$ = [3, n0, _DIES,
    0,
    [_PDC, _SKP],
    [[0, { [_jN]: _pDC }], [() => SpekeKeyProvider$, { [_jN]: _sKP }]]
];
var DashIsoGroupSettings$ = [3, n0, _DIGS,
    0,
    [_AM, _ACCSIU, _BU, _DASG, _DIFTPNM, _DMS, _Des, _DSe, _E, _FL, _HC, _IBTP, _IBTPS, _IBTPV, _MBT, _MFSL, _MMBT, _MP, _POHFBF, _SCe, _SL, _SLC, _VCO, _WSTIR],
    [[() => __listOfDashAdditionalManifest, { [_jN]: _aM }], [0, { [_jN]: _aCCSIU }], [0, { [_jN]: _bU }], [64 | 0, { [_jN]: _dASG }], [0, { [_jN]: _dIFTPNM }], [0, { [_jN]: _dMS }], [0, { [_jN]: _des }], [() => DestinationSettings$, { [_jN]: _dSe }], [() => DashIsoEncryptionSettings$, { [_jN]: _en }], [1, { [_jN]: _fL }], [0, { [_jN]: _hC }], [0, { [_jN]: _iBTP }], [() => DashIsoImageBasedTrickPlaySettings$, { [_jN]: _iBTPS }], [() => __listOfDashIsoImageBasedTrickPlayVariant, { [_jN]: _iBTPV }], [1, { [_jN]: _mBT }], [1, { [_jN]: _mFSL }], [0, { [_jN]: _mMBT }], [0, { [_jN]: _mP }], [0, { [_jN]: _pOHFBF }], [0, { [_jN]: _sCe }], [1, { [_jN]: _sL }], [0, { [_jN]: _sLC }], [0, { [_jN]: _vCO }], [0, { [_jN]: _wSTIR }]]
];
var DashIsoImageBasedTrickPlaySettings$ = [3, n0, _DIIBTPS,
    0,
    [_IC, _TH, _TI, _TW, _THi, _TWi],
    [[0, { [_jN]: _iC }], [1, { [_jN]: _tH }], [1, { [_jN]: _tI }], [1, { [_jN]: _tW }], [1, { [_jN]: _tHi }], [1, { [_jN]: _tWi }]]
];
var DashIsoImageBasedTrickPlayVariant$ = [3, n0, _DIIBTPV,
    0,
    [_IC, _TH, _TI, _TW, _THi, _TWi],
    [[0, { [_jN]: _iC }], [1, { [_jN]: _tH }], [1, { [_jN]: _tI }], [1, { [_jN]: _tW }], [1, { [_jN]: _tHi }], [1, { [_jN]: _tWi }]]
];
var DataProperties$ = [3, n0, _DP,
    0,
    [_LC],
    [[0, { [_jN]: _lC }]]
];
var Deinterlacer$ = [3, n0, _Dei,
    0,
    [_Al, _Contr, _Mo],
    [[0, { [_jN]: _al }], [0, { [_jN]: _contr }], [0, { [_jN]: _mo }]]
];
var DeleteJobTemplateRequest$ = [3, n0, _DJTR,
    0,
    [_Na],
    [[0, 1]], 1
];
var DeleteJobTemplateResponse$ = [3, n0, _DJTRe,
    0,
    [],
    []
];
var DeletePolicyRequest$ = [3, n0, _DPR,
    0,
    [],
    []
];
var DeletePolicyResponse$ = [3, n0, _DPRe,
    0,
    [],
    []
];
var DeletePresetRequest$ = [3, n0, _DPRel,
    0,
    [_Na],
    [[0, 1]], 1
];
var DeletePresetResponse$ = [3, n0, _DPRele,
    0,
    [],
    []
];
var DeleteQueueRequest$ = [3, n0, _DQR,
    0,
    [_Na],
    [[0, 1]], 1
];
var DeleteQueueResponse$ = [3, n0, _DQRe,
    0,
    [],
    []
];
var DescribeEndpointsRequest$ = [3, n0, _DER,
    0,
    [_MRa, _Mo, _NT],
    [[1, { [_jN]: _mRa }], [0, { [_jN]: _mo }], [0, { [_jN]: _nT }]]
];
var DescribeEndpointsResponse$ = [3, n0, _DERe,
    0,
    [_En, _NT],
    [[() => __listOfEndpoint, { [_jN]: _end }], [0, { [_jN]: _nT }]]
];
var DestinationSettings$ = [3, n0, _DSe,
    0,
    [_SSe],
    [[() => S3DestinationSettings$, { [_jN]: _sSe }]]
];
var DisassociateCertificateRequest$ = [3, n0, _DCR,
    0,
    [_A],
    [[0, 1]], 1
];
var DisassociateCertificateResponse$ = [3, n0, _DCRi,
    0,
    [],
    []
];
var DolbyVision$ = [3, n0, _DV,
    0,
    [_Com, _LM, _LMo, _Ma, _Pr],
    [[0, { [_jN]: _com }], [() => DolbyVisionLevel6Metadata$, { [_jN]: _lM }], [0, { [_jN]: _lMo }], [0, { [_jN]: _ma }], [0, { [_jN]: _pr }]]
];
var DolbyVisionLevel6Metadata$ = [3, n0, _DVLM,
    0,
    [_MCax, _MF],
    [[1, { [_jN]: _mCax }], [1, { [_jN]: _mF }]]
];
var DolbyVisionMetadata$ = [3, n0, _DVM,
    0,
    [_BL, _EL, _L, _Pr, _Rp],
    [[0, { [_jN]: _bL }], [0, { [_jN]: _eL }], [1, { [_jN]: _l }], [1, { [_jN]: _pr }], [0, { [_jN]: _rp }]]
];
var DurationControl$ = [3, n0, _DC,
    0,
    [_IDMCD, _IDMCN, _IDTTM],
    [[1, { [_jN]: _iDMCD }], [1, { [_jN]: _iDMCN }], [1, { [_jN]: _iDTTM }]]
];
var DvbNitSettings$ = [3, n0, _DNS,
    0,
    [_NI, _NN, _NIi],
    [[1, { [_jN]: _nI }], [0, { [_jN]: _nN }], [1, { [_jN]: _nIi }]]
];
var DvbSdtSettings$ = [3, n0, _DSS,
    0,
    [_OSut, _SI, _SNe, _SPN],
    [[0, { [_jN]: _oSut }], [1, { [_jN]: _sI }], [0, { [_jN]: _sNe }], [0, { [_jN]: _sPN }]]
];
var DvbSubDestinationSettings$ = [3, n0, _DSDS,
    0,
    [_Ali, _AFC, _BC, _BO, _DH, _DXC, _DYC, _FF, _FCo, _FFB, _FFBI, _FFI, _FFR, _FO, _FRo, _FSo, _FSon, _H, _HFC, _OCu, _OSu, _SC, _SO, _SXO, _SYO, _SPt, _STu, _TS, _W, _XP, _YP],
    [[0, { [_jN]: _ali }], [0, { [_jN]: _aFC }], [0, { [_jN]: _bC }], [1, { [_jN]: _bO }], [0, { [_jN]: _dH }], [1, { [_jN]: _dXC }], [1, { [_jN]: _dYC }], [0, { [_jN]: _fF }], [0, { [_jN]: _fCo }], [0, { [_jN]: _fFB }], [0, { [_jN]: _fFBI }], [0, { [_jN]: _fFI }], [0, { [_jN]: _fFR }], [1, { [_jN]: _fO }], [1, { [_jN]: _fRo }], [0, { [_jN]: _fSo }], [1, { [_jN]: _fSon }], [1, { [_jN]: _h }], [0, { [_jN]: _hFC }], [0, { [_jN]: _oCu }], [1, { [_jN]: _oSu }], [0, { [_jN]: _sC }], [1, { [_jN]: _sO }], [1, { [_jN]: _sXO }], [1, { [_jN]: _sYO }], [0, { [_jN]: _sPt }], [0, { [_jN]: _sTu }], [0, { [_jN]: _tS }], [1, { [_jN]: _w }], [1, { [_jN]: _xP }], [1, { [_jN]: _yP }]]
];
var DvbSubSourceSettings$ = [3, n0, _DSSS,
    0,
    [_Pi],
    [[1, { [_jN]: _pi }]]
];
var DvbTdtSettings$ = [3, n0, _DTS,
    0,
    [_TId],
    [[1, { [_jN]: _tId }]]
];
var DynamicAudioSelector$ = [3, n0, _DAS,
    0,
    [_ADC, _EAFI, _LC, _O, _ST],
    [[0, { [_jN]: _aDC }], [0, { [_jN]: _eAFI }], [0, { [_jN]: _lC }], [1, { [_jN]: _o }], [0, { [_jN]: _sT }]]
];
var Eac3AtmosSettings$ = [3, n0, _EAS,
    0,
    [_B, _BM, _CM, _DI, _DCo, _DRCL, _DRCR, _DRC, _LRCML, _LRSML, _LRCMLt, _LRSMLt, _MM, _SR, _STp, _SD, _SEM],
    [[1, { [_jN]: _b }], [0, { [_jN]: _bM }], [0, { [_jN]: _cM }], [0, { [_jN]: _dI }], [0, { [_jN]: _dC }], [0, { [_jN]: _dRCL }], [0, { [_jN]: _dRCR }], [0, { [_jN]: _dRC }], [1, { [_jN]: _lRCML }], [1, { [_jN]: _lRSML }], [1, { [_jN]: _lRCMLt }], [1, { [_jN]: _lRSMLt }], [0, { [_jN]: _mM }], [1, { [_jN]: _sR }], [1, { [_jN]: _sTp }], [0, { [_jN]: _sD }], [0, { [_jN]: _sEM }]]
];
var Eac3Settings$ = [3, n0, _ES,
    0,
    [_ACt, _B, _BM, _CM, _DF, _D, _DRCL, _DRCR, _LCf, _LF, _LRCML, _LRSML, _LRCMLt, _LRSMLt, _MC, _PC, _PCh, _SR, _SD, _SEM, _SM],
    [[0, { [_jN]: _aCt }], [1, { [_jN]: _b }], [0, { [_jN]: _bM }], [0, { [_jN]: _cM }], [0, { [_jN]: _dF }], [1, { [_jN]: _d }], [0, { [_jN]: _dRCL }], [0, { [_jN]: _dRCR }], [0, { [_jN]: _lCf }], [0, { [_jN]: _lF }], [1, { [_jN]: _lRCML }], [1, { [_jN]: _lRSML }], [1, { [_jN]: _lRCMLt }], [1, { [_jN]: _lRSMLt }], [0, { [_jN]: _mC }], [0, { [_jN]: _pC }], [0, { [_jN]: _pCh }], [1, { [_jN]: _sR }], [0, { [_jN]: _sD }], [0, { [_jN]: _sEM }], [0, { [_jN]: _sM }]]
];
var ElementalInferenceConfiguration$ = [3, n0, _EIC,
    0,
    [_Fe, _Fee],
    [[64 | 0, { [_jN]: _fe }], [() => __listOfElementalInferenceFeed, { [_jN]: _fee }]]
];
var ElementalInferenceFeed$ = [3, n0, _EIF,
    0,
    [_A, _FMS],
    [[0, { [_jN]: _a }], [0, { [_jN]: _fMS }]]
];
var ElementalInferenceFeedConfigurationSource$ = [3, n0, _EIFCS,
    0,
    [_FA],
    [[0, { [_jN]: _fA }]]
];
var ElementalInferenceSettings$ = [3, n0, _EIS,
    0,
    [_FCS],
    [[() => ElementalInferenceFeedConfigurationSource$, { [_jN]: _fCS }]]
];
var EmbeddedDestinationSettings$ = [3, n0, _EDS,
    0,
    [_DCN, _DSN],
    [[1, { [_jN]: _dCN }], [1, { [_jN]: _dSN }]]
];
var EmbeddedSourceSettings$ = [3, n0, _ESS,
    0,
    [_CT, _SCN, _STN, _TC],
    [[0, { [_jN]: _cT }], [1, { [_jN]: _sCN }], [1, { [_jN]: _sTN }], [0, { [_jN]: _tC }]]
];
var EncryptionContractConfiguration$ = [3, n0, _ECC,
    0,
    [_SAP, _SVP],
    [[0, { [_jN]: _sAP }], [0, { [_jN]: _sVP }]]
];
var Endpoint$ = [3, n0, _End,
    0,
    [_U],
    [[0, { [_jN]: _u }]]
];
var EsamManifestConfirmConditionNotification$ = [3, n0, _EMCCN,
    0,
    [_MX],
    [[0, { [_jN]: _mX }]]
];
var EsamSettings$ = [3, n0, _ESs,
    0,
    [_MCCN, _RSP, _SPNi],
    [[() => EsamManifestConfirmConditionNotification$, { [_jN]: _mCCN }], [1, { [_jN]: _rSP }], [() => EsamSignalProcessingNotification$, { [_jN]: _sPNi }]]
];
var EsamSignalProcessingNotification$ = [3, n0, _ESPN,
    0,
    [_SX],
    [[0, { [_jN]: _sX }]]
];
var ExtendedDataServices$ = [3, n0, _EDSx,
    0,
    [_CPA, _VA],
    [[0, { [_jN]: _cPA }], [0, { [_jN]: _vA }]]
];
var F4vSettings$ = [3, n0, _FSv,
    0,
    [_MPo],
    [[0, { [_jN]: _mPo }]]
];
var FileGroupSettings$ = [3, n0, _FGSi,
    0,
    [_Des, _DSe],
    [[0, { [_jN]: _des }], [() => DestinationSettings$, { [_jN]: _dSe }]]
];
var FileSourceSettings$ = [3, n0, _FSS,
    0,
    [_BRL, _CT, _CPTP, _Fr, _SF, _TD, _TDU, _USTLTT],
    [[0, { [_jN]: _bRL }], [0, { [_jN]: _cT }], [0, { [_jN]: _cPTP }], [() => CaptionSourceFramerate$, { [_jN]: _fr }], [0, { [_jN]: _sF }], [1, { [_jN]: _tD }], [0, { [_jN]: _tDU }], [0, { [_jN]: _uSTLTT }]]
];
var FlacSettings$ = [3, n0, _FS,
    0,
    [_BD, _C, _SR],
    [[1, { [_jN]: _bD }], [1, { [_jN]: _ch }], [1, { [_jN]: _sR }]]
];
var ForceIncludeRenditionSize$ = [3, n0, _FIRS,
    0,
    [_H, _W],
    [[1, { [_jN]: _h }], [1, { [_jN]: _w }]]
];
var FrameCaptureSettings$ = [3, n0, _FCSr,
    0,
    [_FD, _FN, _MCaxa, _Qu],
    [[1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [1, { [_jN]: _mCaxa }], [1, { [_jN]: _qu }]]
];
var FrameRate$ = [3, n0, _FR,
    0,
    [_De, _N],
    [[1, { [_jN]: _de }], [1, { [_jN]: _n }]]
];
var GetJobRequest$ = [3, n0, _GJR,
    0,
    [_I],
    [[0, 1]], 1
];
var GetJobResponse$ = [3, n0, _GJRe,
    0,
    [_J],
    [[() => Job$, { [_jN]: _j }]]
];
var GetJobsQueryResultsRequest$ = [3, n0, _GJQRR,
    0,
    [_I],
    [[0, 1]], 1
];
var GetJobsQueryResultsResponse$ = [3, n0, _GJQRRe,
    0,
    [_Jo, _NT, _Sta],
    [[() => __listOfJob, { [_jN]: _jo }], [0, { [_jN]: _nT }], [0, { [_jN]: _sta }]]
];
var GetJobTemplateRequest$ = [3, n0, _GJTR,
    0,
    [_Na],
    [[0, 1]], 1
];
var GetJobTemplateResponse$ = [3, n0, _GJTRe,
    0,
    [_JT],
    [[() => JobTemplate$, { [_jN]: _jT }]]
];
var GetPolicyRequest$ = [3, n0, _GPR,
    0,
    [],
    []
];
var GetPolicyResponse$ = [3, n0, _GPRe,
    0,
    [_Po],
    [[() => Policy$, { [_jN]: _po }]]
];
var GetPresetRequest$ = [3, n0, _GPRet,
    0,
    [_Na],
    [[0, 1]], 1
];
var GetPresetResponse$ = [3, n0, _GPRetr,
    0,
    [_Pre],
    [[() => Preset$, { [_jN]: _pre }]]
];
var GetQueueRequest$ = [3, n0, _GQR,
    0,
    [_Na],
    [[0, 1]], 1
];
var GetQueueResponse$ = [3, n0, _GQRe,
    0,
    [_Q],
    [[() => Queue$, { [_jN]: _q }]]
];
var GifSettings$ = [3, n0, _GSi,
    0,
    [_FC, _FCA, _FD, _FN],
    [[0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }]]
];
var H264QvbrSettings$ = [3, n0, _HQS,
    0,
    [_MABa, _QQL, _QQLFT],
    [[1, { [_jN]: _mABa }], [1, { [_jN]: _qQL }], [1, { [_jN]: _qQLFT }]]
];
var H264Settings$ = [3, n0, _HS,
    0,
    [_AQ, _BRF, _B, _CLo, _CP, _DSG, _EOSM, _EE, _EWP, _FEi, _FAQ, _FC, _FCA, _FD, _FN, _GBR, _GCC, _GS, _GSU, _HBFFP, _HBIFP, _HBS, _IM, _MB, _MII, _NBFBRF, _NRF, _PCa, _PD, _PN, _PFM, _QTL, _QS, _RCM, _RP, _SAE, _STCM, _SCD, _Sl, _SWM, _SWPB, _SPl, _Sof, _SAQ, _Sy, _Te, _TAQ, _UST, _WMPT],
    [[0, { [_jN]: _aQ }], [() => BandwidthReductionFilter$, { [_jN]: _bRF }], [1, { [_jN]: _b }], [0, { [_jN]: _cLo }], [0, { [_jN]: _cP }], [0, { [_jN]: _dSG }], [0, { [_jN]: _eOSM }], [0, { [_jN]: _eE }], [0, { [_jN]: _eWP }], [0, { [_jN]: _fE }], [0, { [_jN]: _fAQ }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [0, { [_jN]: _gBR }], [1, { [_jN]: _gCC }], [1, { [_jN]: _gS }], [0, { [_jN]: _gSU }], [1, { [_jN]: _hBFFP }], [1, { [_jN]: _hBIFP }], [1, { [_jN]: _hBS }], [0, { [_jN]: _iM }], [1, { [_jN]: _mB }], [1, { [_jN]: _mII }], [1, { [_jN]: _nBFBRF }], [1, { [_jN]: _nRF }], [0, { [_jN]: _pCa }], [1, { [_jN]: _pD }], [1, { [_jN]: _pN }], [64 | 0, { [_jN]: _pFM }], [0, { [_jN]: _qTL }], [() => H264QvbrSettings$, { [_jN]: _qS }], [0, { [_jN]: _rCM }], [0, { [_jN]: _rP }], [0, { [_jN]: _sAE }], [0, { [_jN]: _sTCM }], [0, { [_jN]: _sCD }], [1, { [_jN]: _sl }], [1, { [_jN]: _sWM }], [1, { [_jN]: _sWPB }], [0, { [_jN]: _sPl }], [1, { [_jN]: _sof }], [0, { [_jN]: _sAQ }], [0, { [_jN]: _sy }], [0, { [_jN]: _te }], [0, { [_jN]: _tAQ }], [0, { [_jN]: _uST }], [0, { [_jN]: _wMPT }]]
];
var H265QvbrSettings$ = [3, n0, _HQSv,
    0,
    [_MABa, _QQL, _QQLFT],
    [[1, { [_jN]: _mABa }], [1, { [_jN]: _qQL }], [1, { [_jN]: _qQLFT }]]
];
var H265Settings$ = [3, n0, _HSe,
    0,
    [_AQ, _ATFS, _BRF, _B, _CLo, _CP, _Deb, _DSG, _EOSM, _FAQ, _FC, _FCA, _FD, _FN, _GBR, _GCC, _GS, _GSU, _HBFFP, _HBIFP, _HBS, _IM, _MB, _MII, _MOPB, _MTP, _NBFBRF, _NRF, _PCa, _PD, _PN, _PFM, _QTL, _QS, _RCM, _SAOFM, _STCM, _SCD, _Sl, _SWM, _SWPB, _SPl, _SAQ, _Te, _TAQ, _TIe, _THi, _TP, _TWi, _Ti, _TBS, _UST, _WMPT],
    [[0, { [_jN]: _aQ }], [0, { [_jN]: _aTFS }], [() => BandwidthReductionFilter$, { [_jN]: _bRF }], [1, { [_jN]: _b }], [0, { [_jN]: _cLo }], [0, { [_jN]: _cP }], [0, { [_jN]: _deb }], [0, { [_jN]: _dSG }], [0, { [_jN]: _eOSM }], [0, { [_jN]: _fAQ }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [0, { [_jN]: _gBR }], [1, { [_jN]: _gCC }], [1, { [_jN]: _gS }], [0, { [_jN]: _gSU }], [1, { [_jN]: _hBFFP }], [1, { [_jN]: _hBIFP }], [1, { [_jN]: _hBS }], [0, { [_jN]: _iM }], [1, { [_jN]: _mB }], [1, { [_jN]: _mII }], [0, { [_jN]: _mOPB }], [0, { [_jN]: _mTP }], [1, { [_jN]: _nBFBRF }], [1, { [_jN]: _nRF }], [0, { [_jN]: _pCa }], [1, { [_jN]: _pD }], [1, { [_jN]: _pN }], [64 | 0, { [_jN]: _pFM }], [0, { [_jN]: _qTL }], [() => H265QvbrSettings$, { [_jN]: _qS }], [0, { [_jN]: _rCM }], [0, { [_jN]: _sAOFM }], [0, { [_jN]: _sTCM }], [0, { [_jN]: _sCD }], [1, { [_jN]: _sl }], [1, { [_jN]: _sWM }], [1, { [_jN]: _sWPB }], [0, { [_jN]: _sPl }], [0, { [_jN]: _sAQ }], [0, { [_jN]: _te }], [0, { [_jN]: _tAQ }], [0, { [_jN]: _tIe }], [1, { [_jN]: _tHi }], [0, { [_jN]: _tP }], [1, { [_jN]: _tWi }], [0, { [_jN]: _ti }], [0, { [_jN]: _tBS }], [0, { [_jN]: _uST }], [0, { [_jN]: _wMPT }]]
];
var Hdr10Metadata$ = [3, n0, _HM,
    0,
    [_BPX, _BPY, _GPX, _GPY, _MCLL, _MFALL, _ML, _MLi, _RPX, _RPY, _WPX, _WPY],
    [[1, { [_jN]: _bPX }], [1, { [_jN]: _bPY }], [1, { [_jN]: _gPX }], [1, { [_jN]: _gPY }], [1, { [_jN]: _mCLL }], [1, { [_jN]: _mFALL }], [1, { [_jN]: _mL }], [1, { [_jN]: _mLi }], [1, { [_jN]: _rPX }], [1, { [_jN]: _rPY }], [1, { [_jN]: _wPX }], [1, { [_jN]: _wPY }]]
];
var Hdr10Plus$ = [3, n0, _HP,
    0,
    [_MMN, _TMN],
    [[1, { [_jN]: _mMN }], [1, { [_jN]: _tMN }]]
];
var HdrMetadata$ = [3, n0, _HMd,
    0,
    [_CLL, _MDCV],
    [[() => ContentLightLevel$, { [_jN]: _cLL }], [() => MasteringDisplayColorVolume$, { [_jN]: _mDCV }]]
];
var HlsAdditionalManifest$ = [3, n0, _HAM,
    0,
    [_MNM, _SOe],
    [[0, { [_jN]: _mNM }], [64 | 0, { [_jN]: _sOe }]]
];
var HlsCaptionLanguageMapping$ = [3, n0, _HCLM,
    0,
    [_CCa, _CLC, _LC, _LD],
    [[1, { [_jN]: _cCa }], [0, { [_jN]: _cLC }], [0, { [_jN]: _lC }], [0, { [_jN]: _lD }]]
];
var HlsEncryptionSettings$ = [3, n0, _HES,
    0,
    [_CIV, _EM, _IVIM, _OE, _SKP, _SKPt, _Ty],
    [[0, { [_jN]: _cIV }], [0, { [_jN]: _eM }], [0, { [_jN]: _iVIM }], [0, { [_jN]: _oE }], [() => SpekeKeyProvider$, { [_jN]: _sKP }], [() => StaticKeyProvider$, { [_jN]: _sKPt }], [0, { [_jN]: _ty }]]
];
var HlsGroupSettings$ = [3, n0, _HGS,
    0,
    [_AMd, _AM, _AOH, _BU, _CLM, _CLSa, _CSLC, _CC, _CSo, _Des, _DSe, _DSi, _E, _IBTP, _IBTPS, _IBTPV, _MCa, _MDF, _MFSL, _MSL, _OSutp, _PDT, _PDTP, _PWHM, _SCe, _SL, _SLC, _SPS, _SIR, _TDCM, _TMIF, _TMIP, _TDM],
    [[64 | 0, { [_jN]: _aMd }], [() => __listOfHlsAdditionalManifest, { [_jN]: _aM }], [0, { [_jN]: _aOH }], [0, { [_jN]: _bU }], [() => __listOfHlsCaptionLanguageMapping, { [_jN]: _cLM }], [0, { [_jN]: _cLSa }], [0, { [_jN]: _cSLC }], [0, { [_jN]: _cC }], [0, { [_jN]: _cSo }], [0, { [_jN]: _des }], [() => DestinationSettings$, { [_jN]: _dSe }], [0, { [_jN]: _dSi }], [() => HlsEncryptionSettings$, { [_jN]: _en }], [0, { [_jN]: _iBTP }], [() => HlsImageBasedTrickPlaySettings$, { [_jN]: _iBTPS }], [() => __listOfHlsImageBasedTrickPlayVariant, { [_jN]: _iBTPV }], [0, { [_jN]: _mCa }], [0, { [_jN]: _mDF }], [1, { [_jN]: _mFSL }], [1, { [_jN]: _mSL }], [0, { [_jN]: _oSutp }], [0, { [_jN]: _pDT }], [1, { [_jN]: _pDTP }], [0, { [_jN]: _pWHM }], [0, { [_jN]: _sCe }], [1, { [_jN]: _sL }], [0, { [_jN]: _sLC }], [1, { [_jN]: _sPS }], [0, { [_jN]: _sIR }], [0, { [_jN]: _tDCM }], [0, { [_jN]: _tMIF }], [1, { [_jN]: _tMIP }], [1, { [_jN]: _tDM }]]
];
var HlsImageBasedTrickPlaySettings$ = [3, n0, _HIBTPS,
    0,
    [_IC, _TH, _TI, _TW, _THi, _TWi],
    [[0, { [_jN]: _iC }], [1, { [_jN]: _tH }], [1, { [_jN]: _tI }], [1, { [_jN]: _tW }], [1, { [_jN]: _tHi }], [1, { [_jN]: _tWi }]]
];
var HlsImageBasedTrickPlayVariant$ = [3, n0, _HIBTPV,
    0,
    [_IC, _TH, _TI, _TW, _THi, _TWi],
    [[0, { [_jN]: _iC }], [1, { [_jN]: _tH }], [1, { [_jN]: _tI }], [1, { [_jN]: _tW }], [1, { [_jN]: _tHi }], [1, { [_jN]: _tWi }]]
];
var HlsRenditionGroupSettings$ = [3, n0, _HRGS,
    0,
    [_RGI, _RLC, _RN],
    [[0, { [_jN]: _rGI }], [0, { [_jN]: _rLC }], [0, { [_jN]: _rN }]]
];
var HlsSettings$ = [3, n0, _HSl,
    0,
    [_AGI, _AOC, _ARSu, _ATT, _DVSF, _IFOM, _SMe],
    [[0, { [_jN]: _aGI }], [0, { [_jN]: _aOC }], [0, { [_jN]: _aRS }], [0, { [_jN]: _aTT }], [0, { [_jN]: _dVSF }], [0, { [_jN]: _iFOM }], [0, { [_jN]: _sMe }]]
];
var HopDestination$ = [3, n0, _HDo,
    0,
    [_Pri, _Q, _WM],
    [[1, { [_jN]: _pri }], [0, { [_jN]: _q }], [1, { [_jN]: _wM }]]
];
var Id3Insertion$ = [3, n0, _II,
    0,
    [_Id, _Tim],
    [[0, { [_jN]: _i }], [0, { [_jN]: _tim }]]
];
var ImageInserter$ = [3, n0, _IIm,
    0,
    [_IIn, _SRWL],
    [[() => __listOfInsertableImage, { [_jN]: _iI }], [1, { [_jN]: _sRWL }]]
];
var ImscDestinationSettings$ = [3, n0, _IDS,
    0,
    [_Ac, _SPt],
    [[0, { [_jN]: _ac }], [0, { [_jN]: _sPt }]]
];
var Input$ = [3, n0, _In,
    0,
    [_AIF, _AIFS, _ASGu, _ASud, _CSap, _Cr, _DFe, _DSec, _DFen, _DVMX, _DASy, _FI, _FEil, _FSi, _IIm, _ICn, _IST, _MVS, _Pos, _PNr, _PCs, _SIu, _TSa, _TSi, _TSim, _VG, _VO, _VSi],
    [[0, { [_jN]: _aIF }], [() => AdvancedInputFilterSettings$, { [_jN]: _aIFS }], [() => __mapOfAudioSelectorGroup, { [_jN]: _aSG }], [() => __mapOfAudioSelector, { [_jN]: _aSu }], [() => __mapOfCaptionSelector, { [_jN]: _cSa }], [() => Rectangle$, { [_jN]: _cr }], [0, { [_jN]: _dFe }], [() => InputDecryptionSettings$, { [_jN]: _dSec }], [0, { [_jN]: _dFen }], [0, { [_jN]: _dVMX }], [() => __mapOfDynamicAudioSelector, { [_jN]: _dAS }], [0, { [_jN]: _fI }], [0, { [_jN]: _fEi }], [1, { [_jN]: _fSi }], [() => ImageInserter$, { [_jN]: _iIm }], [() => __listOfInputClipping, { [_jN]: _iCn }], [0, { [_jN]: _iST }], [() => __listOfMultiViewSettings, { [_jN]: _mVS }], [() => Rectangle$, { [_jN]: _pos }], [1, { [_jN]: _pNr }], [0, { [_jN]: _pCs }], [64 | 0, { [_jN]: _sIu }], [() => InputTamsSettings$, { [_jN]: _tSa }], [0, { [_jN]: _tSi }], [0, { [_jN]: _tSim }], [() => InputVideoGenerator$, { [_jN]: _vG }], [() => __listOfVideoOverlay, { [_jN]: _vO }], [() => VideoSelector$, { [_jN]: _vSi }]]
];
var InputClipping$ = [3, n0, _ICnp,
    0,
    [_ET, _STt],
    [[0, { [_jN]: _eT }], [0, { [_jN]: _sTt }]]
];
var InputDecryptionSettings$ = [3, n0, _IDSn,
    0,
    [_DM, _EDK, _IV, _KKR],
    [[0, { [_jN]: _dM }], [0, { [_jN]: _eDK }], [0, { [_jN]: _iV }], [0, { [_jN]: _kKR }]]
];
var InputTamsSettings$ = [3, n0, _ITS,
    0,
    [_ACA, _GH, _SIo, _Time],
    [[0, { [_jN]: _aCA }], [0, { [_jN]: _gH }], [0, { [_jN]: _sIo }], [0, { [_jN]: _time }]]
];
var InputTemplate$ = [3, n0, _IT,
    0,
    [_AIF, _AIFS, _ASGu, _ASud, _CSap, _Cr, _DFe, _DFen, _DVMX, _DASy, _FEil, _FSi, _IIm, _ICn, _IST, _MVS, _Pos, _PNr, _PCs, _TSi, _TSim, _VO, _VSi],
    [[0, { [_jN]: _aIF }], [() => AdvancedInputFilterSettings$, { [_jN]: _aIFS }], [() => __mapOfAudioSelectorGroup, { [_jN]: _aSG }], [() => __mapOfAudioSelector, { [_jN]: _aSu }], [() => __mapOfCaptionSelector, { [_jN]: _cSa }], [() => Rectangle$, { [_jN]: _cr }], [0, { [_jN]: _dFe }], [0, { [_jN]: _dFen }], [0, { [_jN]: _dVMX }], [() => __mapOfDynamicAudioSelector, { [_jN]: _dAS }], [0, { [_jN]: _fEi }], [1, { [_jN]: _fSi }], [() => ImageInserter$, { [_jN]: _iIm }], [() => __listOfInputClipping, { [_jN]: _iCn }], [0, { [_jN]: _iST }], [() => __listOfMultiViewSettings, { [_jN]: _mVS }], [() => Rectangle$, { [_jN]: _pos }], [1, { [_jN]: _pNr }], [0, { [_jN]: _pCs }], [0, { [_jN]: _tSi }], [0, { [_jN]: _tSim }], [() => __listOfVideoOverlay, { [_jN]: _vO }], [() => VideoSelector$, { [_jN]: _vSi }]]
];
var InputVideoGenerator$ = [3, n0, _IVG,
    0,
    [_C, _Du, _FD, _FN, _H, _IIma, _SR, _W],
    [[1, { [_jN]: _ch }], [1, { [_jN]: _du }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [1, { [_jN]: _h }], [0, { [_jN]: _iIma }], [1, { [_jN]: _sR }], [1, { [_jN]: _w }]]
];
var InsertableImage$ = [3, n0, _IIns,
    0,
    [_Du, _FIa, _FOa, _H, _III, _IX, _IY, _La, _Op, _STta, _W],
    [[1, { [_jN]: _du }], [1, { [_jN]: _fIa }], [1, { [_jN]: _fOa }], [1, { [_jN]: _h }], [0, { [_jN]: _iII }], [1, { [_jN]: _iX }], [1, { [_jN]: _iY }], [1, { [_jN]: _la }], [1, { [_jN]: _op }], [0, { [_jN]: _sTta }], [1, { [_jN]: _w }]]
];
var Job$ = [3, n0, _J,
    0,
    [_Rol, _Se, _AScc, _AScce, _A, _BTS, _CRT, _CA, _CPu, _EIC, _EIS, _EC, _EMr, _HD, _I, _JEVR, _JEVU, _JPC, _JT, _LSD, _Me, _OGD, _Pri, _Q, _QT, _RC, _SSh, _SRQ, _Sta, _SUI, _Timi, _UM, _Wa],
    [[0, { [_jN]: _rol }], [() => JobSettings$, { [_jN]: _set }], [() => AccelerationSettings$, { [_jN]: _aScc }], [0, { [_jN]: _aScce }], [0, { [_jN]: _a }], [0, { [_jN]: _bTS }], [0, { [_jN]: _cRT }], [7, { [_jN]: _cA }], [0, { [_jN]: _cPu }], [() => ElementalInferenceConfiguration$, { [_jN]: _eIC }], [() => ElementalInferenceSettings$, { [_jN]: _eIS }], [1, { [_jN]: _eC }], [0, { [_jN]: _eMr }], [() => __listOfHopDestination, { [_jN]: _hD }], [0, { [_jN]: _id }], [0, { [_jN]: _jEVR }], [0, { [_jN]: _jEVU }], [1, { [_jN]: _jPC }], [0, { [_jN]: _jT }], [0, { [_jN]: _lSD }], [() => JobMessages$, { [_jN]: _me }], [() => __listOfOutputGroupDetail, { [_jN]: _oGD }], [1, { [_jN]: _pri }], [0, { [_jN]: _q }], [() => __listOfQueueTransition, { [_jN]: _qT }], [1, { [_jN]: _rC }], [0, { [_jN]: _sSh }], [0, { [_jN]: _sRQ }], [0, { [_jN]: _sta }], [0, { [_jN]: _sUI }], [() => Timing$, { [_jN]: _timi }], [128 | 0, { [_jN]: _uM }], [() => __listOfWarningGroup, { [_jN]: _wa }]], 2
];
var JobEngineVersion$ = [3, n0, _JEV,
    0,
    [_ED, _V],
    [[7, { [_jN]: _eD }], [0, { [_jN]: _v }]]
];
var JobMessages$ = [3, n0, _JM,
    0,
    [_Inf, _War],
    [[64 | 0, { [_jN]: _in }], [64 | 0, { [_jN]: _war }]]
];
var JobSettings$ = [3, n0, _JS,
    0,
    [_AAO, _AB, _CCDLUTSo, _Es, _EDSx, _FSol, _Inp, _KW, _MIIo, _MIIot, _NC, _NNLW, _OG, _TCi, _TMI],
    [[1, { [_jN]: _aAO }], [() => AvailBlanking$, { [_jN]: _aB }], [() => __listOfColorConversion3DLUTSetting, { [_jN]: _cCDLUTS }], [() => EsamSettings$, { [_jN]: _es }], [() => ExtendedDataServices$, { [_jN]: _eDSx }], [1, { [_jN]: _fSol }], [() => __listOfInput, { [_jN]: _inp }], [() => KantarWatermarkSettings$, { [_jN]: _kW }], [() => MotionImageInserter$, { [_jN]: _mIIo }], [() => __listOfMotionImageInserter, { [_jN]: _mIIot }], [() => NielsenConfiguration$, { [_jN]: _nC }], [() => NielsenNonLinearWatermarkSettings$, { [_jN]: _nNLW }], [() => __listOfOutputGroup, { [_jN]: _oG }], [() => TimecodeConfig$, { [_jN]: _tCi }], [() => TimedMetadataInsertion$, { [_jN]: _tMI }]]
];
var JobsQueryFilter$ = [3, n0, _JQF,
    0,
    [_K, _Va],
    [[0, { [_jN]: _k }], [64 | 0, { [_jN]: _va }]]
];
var JobTemplate$ = [3, n0, _JT,
    0,
    [_Na, _Se, _AScc, _A, _Ca, _CA, _Desc, _EIS, _HD, _LU, _Pri, _Q, _SUI, _Ty],
    [[0, { [_jN]: _na }], [() => JobTemplateSettings$, { [_jN]: _set }], [() => AccelerationSettings$, { [_jN]: _aScc }], [0, { [_jN]: _a }], [0, { [_jN]: _ca }], [7, { [_jN]: _cA }], [0, { [_jN]: _desc }], [() => ElementalInferenceSettings$, { [_jN]: _eIS }], [() => __listOfHopDestination, { [_jN]: _hD }], [7, { [_jN]: _lU }], [1, { [_jN]: _pri }], [0, { [_jN]: _q }], [0, { [_jN]: _sUI }], [0, { [_jN]: _ty }]], 2
];
var JobTemplateSettings$ = [3, n0, _JTS,
    0,
    [_AAO, _AB, _CCDLUTSo, _Es, _EDSx, _FSol, _Inp, _KW, _MIIo, _MIIot, _NC, _NNLW, _OG, _TCi, _TMI],
    [[1, { [_jN]: _aAO }], [() => AvailBlanking$, { [_jN]: _aB }], [() => __listOfColorConversion3DLUTSetting, { [_jN]: _cCDLUTS }], [() => EsamSettings$, { [_jN]: _es }], [() => ExtendedDataServices$, { [_jN]: _eDSx }], [1, { [_jN]: _fSol }], [() => __listOfInputTemplate, { [_jN]: _inp }], [() => KantarWatermarkSettings$, { [_jN]: _kW }], [() => MotionImageInserter$, { [_jN]: _mIIo }], [() => __listOfMotionImageInserter, { [_jN]: _mIIot }], [() => NielsenConfiguration$, { [_jN]: _nC }], [() => NielsenNonLinearWatermarkSettings$, { [_jN]: _nNLW }], [() => __listOfOutputGroup, { [_jN]: _oG }], [() => TimecodeConfig$, { [_jN]: _tCi }], [() => TimedMetadataInsertion$, { [_jN]: _tMI }]]
];
var KantarWatermarkSettings$ = [3, n0, _KWS,
    0,
    [_CN, _CR, _CSNr, _FOil, _KLI, _KSU, _LDo, _Met, _Meta, _Metad, _Metada, _Metadat, _Metadata],
    [[0, { [_jN]: _cN }], [0, { [_jN]: _cR }], [0, { [_jN]: _cSNr }], [1, { [_jN]: _fOil }], [1, { [_jN]: _kLI }], [0, { [_jN]: _kSU }], [0, { [_jN]: _lDo }], [0, { [_jN]: _met }], [0, { [_jN]: _meta }], [0, { [_jN]: _metad }], [0, { [_jN]: _metada }], [0, { [_jN]: _metadat }], [0, { [_jN]: _metadata }]]
];
var ListJobsRequest$ = [3, n0, _LJR,
    0,
    [_MRa, _NT, _Or, _Q, _Sta],
    [[1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }], [0, { [_hQ]: _or }], [0, { [_hQ]: _q }], [0, { [_hQ]: _sta }]]
];
var ListJobsResponse$ = [3, n0, _LJRi,
    0,
    [_Jo, _NT],
    [[() => __listOfJob, { [_jN]: _jo }], [0, { [_jN]: _nT }]]
];
var ListJobTemplatesRequest$ = [3, n0, _LJTR,
    0,
    [_Ca, _LB, _MRa, _NT, _Or],
    [[0, { [_hQ]: _ca }], [0, { [_hQ]: _lB }], [1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }], [0, { [_hQ]: _or }]]
];
var ListJobTemplatesResponse$ = [3, n0, _LJTRi,
    0,
    [_JTo, _NT],
    [[() => __listOfJobTemplate, { [_jN]: _jTo }], [0, { [_jN]: _nT }]]
];
var ListPresetsRequest$ = [3, n0, _LPR,
    0,
    [_Ca, _LB, _MRa, _NT, _Or],
    [[0, { [_hQ]: _ca }], [0, { [_hQ]: _lB }], [1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }], [0, { [_hQ]: _or }]]
];
var ListPresetsResponse$ = [3, n0, _LPRi,
    0,
    [_NT, _Pres],
    [[0, { [_jN]: _nT }], [() => __listOfPreset, { [_jN]: _pres }]]
];
var ListQueuesRequest$ = [3, n0, _LQR,
    0,
    [_LB, _MRa, _NT, _Or],
    [[0, { [_hQ]: _lB }], [1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }], [0, { [_hQ]: _or }]]
];
var ListQueuesResponse$ = [3, n0, _LQRi,
    0,
    [_NT, _Que, _TCJ, _UCJ],
    [[0, { [_jN]: _nT }], [() => __listOfQueue, { [_jN]: _que }], [1, { [_jN]: _tCJ }], [1, { [_jN]: _uCJ }]]
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_A],
    [[0, 1]], 1
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_RT],
    [[() => ResourceTags$, { [_jN]: _rT }]]
];
var ListVersionsRequest$ = [3, n0, _LVR,
    0,
    [_MRa, _NT],
    [[1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }]]
];
var ListVersionsResponse$ = [3, n0, _LVRi,
    0,
    [_NT, _Ve],
    [[0, { [_jN]: _nT }], [() => __listOfJobEngineVersion, { [_jN]: _ve }]]
];
var M2tsScte35Esam$ = [3, n0, _MSE,
    0,
    [_SEP],
    [[1, { [_jN]: _sEP }]]
];
var M2tsSettings$ = [3, n0, _MSt,
    0,
    [_ABM, _ADu, _AFPP, _APu, _APOD, _B, _BMu, _DPTSC, _DNS, _DSS, _DSP, _DTS, _DTP, _EAI, _EP, _ERIP, _FTVEO, _FT, _KM, _MPI, _MEI, _NIie, _NPB, _PI, _PCc, _PPc, _PIm, _PPm, _PBU, _PMP, _PNr, _PO, _POM, _RM, _SE, _SPc, _SSc, _SMeg, _SSeg, _STe, _TMP, _TSI, _VP],
    [[0, { [_jN]: _aBM }], [0, { [_jN]: _aD }], [1, { [_jN]: _aFPP }], [64 | 1, { [_jN]: _aP }], [1, { [_jN]: _aPOD }], [1, { [_jN]: _b }], [0, { [_jN]: _bMu }], [0, { [_jN]: _dPTSC }], [() => DvbNitSettings$, { [_jN]: _dNS }], [() => DvbSdtSettings$, { [_jN]: _dSS }], [64 | 1, { [_jN]: _dSP }], [() => DvbTdtSettings$, { [_jN]: _dTS }], [1, { [_jN]: _dTP }], [0, { [_jN]: _eAI }], [0, { [_jN]: _eP }], [0, { [_jN]: _eRIP }], [0, { [_jN]: _fTVEO }], [1, { [_jN]: _fT }], [0, { [_jN]: _kM }], [1, { [_jN]: _mPI }], [1, { [_jN]: _mEI }], [0, { [_jN]: _nIie }], [1, { [_jN]: _nPB }], [1, { [_jN]: _pI }], [0, { [_jN]: _pCc }], [1, { [_jN]: _pPc }], [1, { [_jN]: _pIm }], [1, { [_jN]: _pPm }], [0, { [_jN]: _pBU }], [1, { [_jN]: _pMP }], [1, { [_jN]: _pNr }], [1, { [_jN]: _pO }], [0, { [_jN]: _pOM }], [0, { [_jN]: _rM }], [() => M2tsScte35Esam$, { [_jN]: _sE }], [1, { [_jN]: _sPc }], [0, { [_jN]: _sSc }], [0, { [_jN]: _sMeg }], [0, { [_jN]: _sSeg }], [1, { [_jN]: _sTe }], [1, { [_jN]: _tMP }], [1, { [_jN]: _tSI }], [1, { [_jN]: _vP }]]
];
var M3u8Settings$ = [3, n0, _MSu,
    0,
    [_ADu, _AFPP, _APu, _APOD, _DPTSC, _MPI, _NIie, _PI, _PCc, _PPc, _PIm, _PPm, _PMP, _PNr, _PO, _POM, _SPc, _SSc, _TM, _TMP, _TSI, _VP],
    [[0, { [_jN]: _aD }], [1, { [_jN]: _aFPP }], [64 | 1, { [_jN]: _aP }], [1, { [_jN]: _aPOD }], [0, { [_jN]: _dPTSC }], [1, { [_jN]: _mPI }], [0, { [_jN]: _nIie }], [1, { [_jN]: _pI }], [0, { [_jN]: _pCc }], [1, { [_jN]: _pPc }], [1, { [_jN]: _pIm }], [1, { [_jN]: _pPm }], [1, { [_jN]: _pMP }], [1, { [_jN]: _pNr }], [1, { [_jN]: _pO }], [0, { [_jN]: _pOM }], [1, { [_jN]: _sPc }], [0, { [_jN]: _sSc }], [0, { [_jN]: _tM }], [1, { [_jN]: _tMP }], [1, { [_jN]: _tSI }], [1, { [_jN]: _vP }]]
];
var MasteringDisplayColorVolume$ = [3, n0, _MDCV,
    0,
    [_BPX, _BPY, _GPX, _GPY, _ML, _MLi, _RPX, _RPY, _WPX, _WPY],
    [[1, { [_jN]: _bPX }], [1, { [_jN]: _bPY }], [1, { [_jN]: _gPX }], [1, { [_jN]: _gPY }], [1, { [_jN]: _mL }], [1, { [_jN]: _mLi }], [1, { [_jN]: _rPX }], [1, { [_jN]: _rPY }], [1, { [_jN]: _wPX }], [1, { [_jN]: _wPY }]]
];
var Metadata$ = [3, n0, _Metadata_,
    0,
    [_ETa, _FSil, _LMa, _MT],
    [[0, { [_jN]: _eTa }], [1, { [_jN]: _fSil }], [7, { [_jN]: _lMa }], [0, { [_jN]: _mT }]]
];
var MinBottomRenditionSize$ = [3, n0, _MBRS,
    0,
    [_H, _W],
    [[1, { [_jN]: _h }], [1, { [_jN]: _w }]]
];
var MinTopRenditionSize$ = [3, n0, _MTRS,
    0,
    [_H, _W],
    [[1, { [_jN]: _h }], [1, { [_jN]: _w }]]
];
var MotionImageInserter$ = [3, n0, _MIIo,
    0,
    [_Fr, _In, _IMn, _O, _Pl, _STta],
    [[() => MotionImageInsertionFramerate$, { [_jN]: _fr }], [0, { [_jN]: _inpu }], [0, { [_jN]: _iMn }], [() => MotionImageInsertionOffset$, { [_jN]: _o }], [0, { [_jN]: _pl }], [0, { [_jN]: _sTta }]]
];
var MotionImageInsertionFramerate$ = [3, n0, _MIIF,
    0,
    [_FD, _FN],
    [[1, { [_jN]: _fD }], [1, { [_jN]: _fN }]]
];
var MotionImageInsertionOffset$ = [3, n0, _MIIO,
    0,
    [_IX, _IY],
    [[1, { [_jN]: _iX }], [1, { [_jN]: _iY }]]
];
var MovSettings$ = [3, n0, _MSo,
    0,
    [_ADu, _CAl, _CAs, _MFCCC, _PCad, _Re],
    [[0, { [_jN]: _aD }], [0, { [_jN]: _cAl }], [0, { [_jN]: _cAs }], [0, { [_jN]: _mFCCC }], [0, { [_jN]: _pCad }], [0, { [_jN]: _re }]]
];
var Mp2Settings$ = [3, n0, _MS,
    0,
    [_ADM, _B, _C, _SR],
    [[0, { [_jN]: _aDM }], [1, { [_jN]: _b }], [1, { [_jN]: _ch }], [1, { [_jN]: _sR }]]
];
var Mp3Settings$ = [3, n0, _MSp,
    0,
    [_B, _C, _RCM, _SR, _VQ],
    [[1, { [_jN]: _b }], [1, { [_jN]: _ch }], [0, { [_jN]: _rCM }], [1, { [_jN]: _sR }], [1, { [_jN]: _vQ }]]
];
var Mp4Settings$ = [3, n0, _MSpe,
    0,
    [_ADu, _CMp, _CSe, _CAs, _CV, _FSB, _MPo, _MMB, _SKK],
    [[0, { [_jN]: _aD }], [0, { [_jN]: _cMp }], [0, { [_jN]: _cSe }], [0, { [_jN]: _cAs }], [1, { [_jN]: _cV }], [0, { [_jN]: _fSB }], [0, { [_jN]: _mPo }], [0, { [_jN]: _mMB }], [0, { [_jN]: _sKK }]]
];
var MpdSettings$ = [3, n0, _MSpd,
    0,
    [_ACH, _ADu, _CMp, _CCT, _CSe, _KM, _MMS, _SE, _SSc, _SKK, _TM, _TMBV, _TMSIU, _TMV],
    [[0, { [_jN]: _aCH }], [0, { [_jN]: _aD }], [0, { [_jN]: _cMp }], [0, { [_jN]: _cCT }], [0, { [_jN]: _cSe }], [0, { [_jN]: _kM }], [0, { [_jN]: _mMS }], [0, { [_jN]: _sE }], [0, { [_jN]: _sSc }], [0, { [_jN]: _sKK }], [0, { [_jN]: _tM }], [0, { [_jN]: _tMBV }], [0, { [_jN]: _tMSIU }], [0, { [_jN]: _tMV }]]
];
var Mpeg2Settings$ = [3, n0, _MSpeg,
    0,
    [_AQ, _B, _CLo, _CP, _DSG, _FC, _FCA, _FD, _FN, _GCC, _GS, _GSU, _HBFFP, _HBIFP, _HBS, _IM, _IDP, _MB, _MII, _NBFBRF, _PCa, _PD, _PN, _PFM, _QTL, _RCM, _STCM, _SCD, _SWM, _SWPB, _SPl, _Sof, _SAQ, _Sy, _Te, _TAQ],
    [[0, { [_jN]: _aQ }], [1, { [_jN]: _b }], [0, { [_jN]: _cLo }], [0, { [_jN]: _cP }], [0, { [_jN]: _dSG }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [1, { [_jN]: _gCC }], [1, { [_jN]: _gS }], [0, { [_jN]: _gSU }], [1, { [_jN]: _hBFFP }], [1, { [_jN]: _hBIFP }], [1, { [_jN]: _hBS }], [0, { [_jN]: _iM }], [0, { [_jN]: _iDP }], [1, { [_jN]: _mB }], [1, { [_jN]: _mII }], [1, { [_jN]: _nBFBRF }], [0, { [_jN]: _pCa }], [1, { [_jN]: _pD }], [1, { [_jN]: _pN }], [64 | 0, { [_jN]: _pFM }], [0, { [_jN]: _qTL }], [0, { [_jN]: _rCM }], [0, { [_jN]: _sTCM }], [0, { [_jN]: _sCD }], [1, { [_jN]: _sWM }], [1, { [_jN]: _sWPB }], [0, { [_jN]: _sPl }], [1, { [_jN]: _sof }], [0, { [_jN]: _sAQ }], [0, { [_jN]: _sy }], [0, { [_jN]: _te }], [0, { [_jN]: _tAQ }]]
];
var MsSmoothAdditionalManifest$ = [3, n0, _MSAM,
    0,
    [_MNM, _SOe],
    [[0, { [_jN]: _mNM }], [64 | 0, { [_jN]: _sOe }]]
];
var MsSmoothEncryptionSettings$ = [3, n0, _MSES,
    0,
    [_SKP],
    [[() => SpekeKeyProvider$, { [_jN]: _sKP }]]
];
var MsSmoothGroupSettings$ = [3, n0, _MSGS,
    0,
    [_AM, _ADud, _Des, _DSe, _E, _FL, _FLC, _ME],
    [[() => __listOfMsSmoothAdditionalManifest, { [_jN]: _aM }], [0, { [_jN]: _aDu }], [0, { [_jN]: _des }], [() => DestinationSettings$, { [_jN]: _dSe }], [() => MsSmoothEncryptionSettings$, { [_jN]: _en }], [1, { [_jN]: _fL }], [0, { [_jN]: _fLC }], [0, { [_jN]: _mE }]]
];
var MultiViewInput$ = [3, n0, _MVI,
    0,
    [_FI],
    [[0, { [_jN]: _fI }]]
];
var MultiViewSettings$ = [3, n0, _MVS,
    0,
    [_In],
    [[() => MultiViewInput$, { [_jN]: _inpu }]]
];
var MxfSettings$ = [3, n0, _MSx,
    0,
    [_ASf, _Pr, _UAW, _XPS],
    [[0, { [_jN]: _aSf }], [0, { [_jN]: _pr }], [0, { [_jN]: _uAW }], [() => MxfXavcProfileSettings$, { [_jN]: _xPS }]]
];
var MxfXavcProfileSettings$ = [3, n0, _MXPS,
    0,
    [_DMu, _MADS],
    [[0, { [_jN]: _dMu }], [1, { [_jN]: _mADS }]]
];
var NexGuardFileMarkerSettings$ = [3, n0, _NGFMS,
    0,
    [_Li, _Pa, _Pre, _Str],
    [[0, { [_jN]: _li }], [1, { [_jN]: _pa }], [0, { [_jN]: _pre }], [0, { [_jN]: _str }]]
];
var NielsenConfiguration$ = [3, n0, _NC,
    0,
    [_BCr, _DIi],
    [[1, { [_jN]: _bCr }], [0, { [_jN]: _dIi }]]
];
var NielsenNonLinearWatermarkSettings$ = [3, n0, _NNLWS,
    0,
    [_AWP, _AF, _AI, _AN, _CSI, _EI, _MD, _SIo, _SWS, _TSU, _UTPAT],
    [[0, { [_jN]: _aWP }], [0, { [_jN]: _aF }], [0, { [_jN]: _aI }], [0, { [_jN]: _aN }], [0, { [_jN]: _cSI }], [0, { [_jN]: _eI }], [0, { [_jN]: _mD }], [1, { [_jN]: _sIo }], [0, { [_jN]: _sWS }], [0, { [_jN]: _tSU }], [0, { [_jN]: _uTPAT }]]
];
var NoiseReducer$ = [3, n0, _NR,
    0,
    [_Fi, _FSilt, _SFS, _TFS],
    [[0, { [_jN]: _fi }], [() => NoiseReducerFilterSettings$, { [_jN]: _fSilt }], [() => NoiseReducerSpatialFilterSettings$, { [_jN]: _sFS }], [() => NoiseReducerTemporalFilterSettings$, { [_jN]: _tFS }]]
];
var NoiseReducerFilterSettings$ = [3, n0, _NRFS,
    0,
    [_Str],
    [[1, { [_jN]: _str }]]
];
var NoiseReducerSpatialFilterSettings$ = [3, n0, _NRSFS,
    0,
    [_PFSS, _Sp, _Str],
    [[1, { [_jN]: _pFSS }], [1, { [_jN]: _spe }], [1, { [_jN]: _str }]]
];
var NoiseReducerTemporalFilterSettings$ = [3, n0, _NRTFS,
    0,
    [_AMg, _PTS, _PTSS, _Sp, _Str],
    [[1, { [_jN]: _aMg }], [0, { [_jN]: _pTS }], [0, { [_jN]: _pTSS }], [1, { [_jN]: _spe }], [1, { [_jN]: _str }]]
];
var OpusSettings$ = [3, n0, _OS,
    0,
    [_B, _C, _SR],
    [[1, { [_jN]: _b }], [1, { [_jN]: _ch }], [1, { [_jN]: _sR }]]
];
var Output$ = [3, n0, _Ou,
    0,
    [_ADudi, _CDa, _CSon, _Ex, _NM, _OSutpu, _Pre, _VD],
    [[() => __listOfAudioDescription, { [_jN]: _aDud }], [() => __listOfCaptionDescription, { [_jN]: _cD }], [() => ContainerSettings$, { [_jN]: _cSon }], [0, { [_jN]: _ex }], [0, { [_jN]: _nM }], [() => OutputSettings$, { [_jN]: _oSutpu }], [0, { [_jN]: _pre }], [() => VideoDescription$, { [_jN]: _vD }]]
];
var OutputChannelMapping$ = [3, n0, _OCM,
    0,
    [_ICnpu, _ICFT],
    [[64 | 1, { [_jN]: _iCnp }], [64 | 1, { [_jN]: _iCFT }]]
];
var OutputDetail$ = [3, n0, _OD,
    0,
    [_DIM, _VDi],
    [[1, { [_jN]: _dIM }], [() => VideoDetail$, { [_jN]: _vDi }]]
];
var OutputGroup$ = [3, n0, _OGu,
    0,
    [_AES, _CNu, _Na, _OGS, _Out],
    [[() => AutomatedEncodingSettings$, { [_jN]: _aES }], [0, { [_jN]: _cNu }], [0, { [_jN]: _na }], [() => OutputGroupSettings$, { [_jN]: _oGS }], [() => __listOfOutput, { [_jN]: _ou }]]
];
var OutputGroupDetail$ = [3, n0, _OGDu,
    0,
    [_ODu],
    [[() => __listOfOutputDetail, { [_jN]: _oD }]]
];
var OutputGroupSettings$ = [3, n0, _OGS,
    0,
    [_CGS, _DIGS, _FGSi, _HGS, _MSGS, _PFM, _Ty],
    [[() => CmafGroupSettings$, { [_jN]: _cGS }], [() => DashIsoGroupSettings$, { [_jN]: _dIGS }], [() => FileGroupSettings$, { [_jN]: _fGSi }], [() => HlsGroupSettings$, { [_jN]: _hGS }], [() => MsSmoothGroupSettings$, { [_jN]: _mSGS }], [64 | 0, { [_jN]: _pFM }], [0, { [_jN]: _ty }]]
];
var OutputSettings$ = [3, n0, _OSutpu,
    0,
    [_HSl],
    [[() => HlsSettings$, { [_jN]: _hS }]]
];
var PartnerWatermarking$ = [3, n0, _PW,
    0,
    [_NFMS],
    [[() => NexGuardFileMarkerSettings$, { [_jN]: _nFMS }]]
];
var PassthroughSettings$ = [3, n0, _PSa,
    0,
    [_FCr, _GPS, _SMegm, _VSM],
    [[0, { [_jN]: _fCr }], [1, { [_jN]: _gPS }], [0, { [_jN]: _sMegm }], [0, { [_jN]: _vSM }]]
];
var Policy$ = [3, n0, _Po,
    0,
    [_HI, _HIt, _SIn],
    [[0, { [_jN]: _hI }], [0, { [_jN]: _hIt }], [0, { [_jN]: _sIn }]]
];
var Preset$ = [3, n0, _Pre,
    0,
    [_Na, _Se, _A, _Ca, _CA, _Desc, _LU, _Ty],
    [[0, { [_jN]: _na }], [() => PresetSettings$, { [_jN]: _set }], [0, { [_jN]: _a }], [0, { [_jN]: _ca }], [7, { [_jN]: _cA }], [0, { [_jN]: _desc }], [7, { [_jN]: _lU }], [0, { [_jN]: _ty }]], 2
];
var PresetSettings$ = [3, n0, _PSr,
    0,
    [_ADudi, _CDa, _CSon, _VD],
    [[() => __listOfAudioDescription, { [_jN]: _aDud }], [() => __listOfCaptionDescriptionPreset, { [_jN]: _cD }], [() => ContainerSettings$, { [_jN]: _cSon }], [() => VideoDescription$, { [_jN]: _vD }]]
];
var ProbeInputFile$ = [3, n0, _PIF,
    0,
    [_FU],
    [[0, { [_jN]: _fU }]]
];
var ProbeRequest$ = [3, n0, _PR,
    0,
    [_IF],
    [[() => __listOfProbeInputFile, { [_jN]: _iF }]]
];
var ProbeResponse$ = [3, n0, _PRr,
    0,
    [_PRro],
    [[() => __listOfProbeResult, { [_jN]: _pR }]]
];
var ProbeResult$ = [3, n0, _PRrob,
    0,
    [_Cont, _Metadata_, _TMr],
    [[() => Container$, { [_jN]: _cont }], [() => Metadata$, { [_jN]: _metadata_ }], [() => __listOfTrackMapping, { [_jN]: _tMr }]]
];
var ProresSettings$ = [3, n0, _PSro,
    0,
    [_CShr, _CP, _FC, _FCA, _FD, _FN, _IM, _PCa, _PD, _PN, _PFM, _STCM, _SPl, _Te],
    [[0, { [_jN]: _cShr }], [0, { [_jN]: _cP }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [0, { [_jN]: _iM }], [0, { [_jN]: _pCa }], [1, { [_jN]: _pD }], [1, { [_jN]: _pN }], [64 | 0, { [_jN]: _pFM }], [0, { [_jN]: _sTCM }], [0, { [_jN]: _sPl }], [0, { [_jN]: _te }]]
];
var PutPolicyRequest$ = [3, n0, _PPR,
    0,
    [_Po],
    [[() => Policy$, { [_jN]: _po }]], 1
];
var PutPolicyResponse$ = [3, n0, _PPRu,
    0,
    [_Po],
    [[() => Policy$, { [_jN]: _po }]]
];
var Queue$ = [3, n0, _Q,
    0,
    [_Na, _A, _CJ, _CA, _Desc, _LU, _MCF, _PP, _PJC, _RPe, _SOer, _Sta, _SJC, _Ty],
    [[0, { [_jN]: _na }], [0, { [_jN]: _a }], [1, { [_jN]: _cJ }], [7, { [_jN]: _cA }], [0, { [_jN]: _desc }], [7, { [_jN]: _lU }], [1, { [_jN]: _mCF }], [0, { [_jN]: _pP }], [1, { [_jN]: _pJC }], [() => ReservationPlan$, { [_jN]: _rPe }], [() => __listOfServiceOverride, { [_jN]: _sOer }], [0, { [_jN]: _sta }], [1, { [_jN]: _sJC }], [0, { [_jN]: _ty }]], 1
];
var QueueTransition$ = [3, n0, _QTu,
    0,
    [_DQ, _SQ, _Times],
    [[0, { [_jN]: _dQ }], [0, { [_jN]: _sQ }], [7, { [_jN]: _times }]]
];
var Rectangle$ = [3, n0, _Rec,
    0,
    [_H, _W, _X, _Y],
    [[1, { [_jN]: _h }], [1, { [_jN]: _w }], [1, { [_jN]: _x }], [1, { [_jN]: _y }]]
];
var RemixSettings$ = [3, n0, _RS,
    0,
    [_ADAC, _ADDC, _CMh, _CI, _CO],
    [[1, { [_jN]: _aDAC }], [1, { [_jN]: _aDDC }], [() => ChannelMapping$, { [_jN]: _cMh }], [1, { [_jN]: _cI }], [1, { [_jN]: _cO }]]
];
var ReservationPlan$ = [3, n0, _RPe,
    0,
    [_Comm, _EA, _PA, _RTe, _RSe, _Sta],
    [[0, { [_jN]: _comm }], [7, { [_jN]: _eA }], [7, { [_jN]: _pA }], [0, { [_jN]: _rTe }], [1, { [_jN]: _rSe }], [0, { [_jN]: _sta }]]
];
var ReservationPlanSettings$ = [3, n0, _RPS,
    0,
    [_Comm, _RTe, _RSe],
    [[0, { [_jN]: _comm }], [0, { [_jN]: _rTe }], [1, { [_jN]: _rSe }]], 3
];
var ResourceTags$ = [3, n0, _RT,
    0,
    [_A, _Ta],
    [[0, { [_jN]: _a }], [128 | 0, { [_jN]: _ta }]]
];
var S3DestinationAccessControl$ = [3, n0, _SDAC,
    0,
    [_CAa],
    [[0, { [_jN]: _cAa }]]
];
var S3DestinationSettings$ = [3, n0, _SDSe,
    0,
    [_ACc, _E, _SCt],
    [[() => S3DestinationAccessControl$, { [_jN]: _aCc }], [() => S3EncryptionSettings$, { [_jN]: _en }], [0, { [_jN]: _sCt }]]
];
var S3EncryptionSettings$ = [3, n0, _SES,
    0,
    [_ETn, _KEC, _KKA],
    [[0, { [_jN]: _eTn }], [0, { [_jN]: _kEC }], [0, { [_jN]: _kKA }]]
];
var SccDestinationSettings$ = [3, n0, _SDS,
    0,
    [_Fr],
    [[0, { [_jN]: _fr }]]
];
var SearchJobsRequest$ = [3, n0, _SJR,
    0,
    [_IFn, _MRa, _NT, _Or, _Q, _Sta],
    [[0, { [_hQ]: _iFn }], [1, { [_hQ]: _mRa }], [0, { [_hQ]: _nT }], [0, { [_hQ]: _or }], [0, { [_hQ]: _q }], [0, { [_hQ]: _sta }]]
];
var SearchJobsResponse$ = [3, n0, _SJRe,
    0,
    [_Jo, _NT],
    [[() => __listOfJob, { [_jN]: _jo }], [0, { [_jN]: _nT }]]
];
var ServiceOverride$ = [3, n0, _SOerv,
    0,
    [_M, _Na, _OV, _Val],
    [[0, { [_jN]: _m }], [0, { [_jN]: _na }], [0, { [_jN]: _oV }], [0, { [_jN]: _val }]]
];
var SpekeKeyProvider$ = [3, n0, _SKP,
    0,
    [_CAe, _ECC, _RIe, _SIy, _U],
    [[0, { [_jN]: _cAe }], [() => EncryptionContractConfiguration$, { [_jN]: _eCC }], [0, { [_jN]: _rIe }], [64 | 0, { [_jN]: _sIy }], [0, { [_jN]: _u }]]
];
var SpekeKeyProviderCmaf$ = [3, n0, _SKPC,
    0,
    [_CAe, _DSSI, _ECC, _HSSI, _RIe, _U],
    [[0, { [_jN]: _cAe }], [64 | 0, { [_jN]: _dSSI }], [() => EncryptionContractConfiguration$, { [_jN]: _eCC }], [64 | 0, { [_jN]: _hSSI }], [0, { [_jN]: _rIe }], [0, { [_jN]: _u }]]
];
var SrtDestinationSettings$ = [3, n0, _SDSr,
    0,
    [_SPt],
    [[0, { [_jN]: _sPt }]]
];
var StartJobsQueryRequest$ = [3, n0, _SJQR,
    0,
    [_FLi, _MRa, _NT, _Or],
    [[() => __listOfJobsQueryFilter, { [_jN]: _fLi }], [1, { [_jN]: _mRa }], [0, { [_jN]: _nT }], [0, { [_jN]: _or }]]
];
var StartJobsQueryResponse$ = [3, n0, _SJQRt,
    0,
    [_I],
    [[0, { [_jN]: _id }]]
];
var StaticKeyProvider$ = [3, n0, _SKPt,
    0,
    [_KF, _KFV, _SKV, _U],
    [[0, { [_jN]: _kF }], [0, { [_jN]: _kFV }], [0, { [_jN]: _sKV }], [0, { [_jN]: _u }]]
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_A, _Ta],
    [[0, { [_jN]: _a }], [128 | 0, { [_jN]: _ta }]], 2
];
var TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
var TeletextDestinationSettings$ = [3, n0, _TDS,
    0,
    [_PNa, _PT],
    [[0, { [_jN]: _pNa }], [64 | 0, { [_jN]: _pT }]]
];
var TeletextSourceSettings$ = [3, n0, _TSS,
    0,
    [_PNa],
    [[0, { [_jN]: _pNa }]]
];
var TimecodeBurnin$ = [3, n0, _TB,
    0,
    [_FSon, _Pos, _Pref],
    [[1, { [_jN]: _fSon }], [0, { [_jN]: _pos }], [0, { [_jN]: _pref }]]
];
var TimecodeConfig$ = [3, n0, _TCi,
    0,
    [_An, _So, _Star, _TO],
    [[0, { [_jN]: _an }], [0, { [_jN]: _so }], [0, { [_jN]: _star }], [0, { [_jN]: _tO }]]
];
var TimedMetadataInsertion$ = [3, n0, _TMI,
    0,
    [_IId],
    [[() => __listOfId3Insertion, { [_jN]: _iId }]]
];
var Timing$ = [3, n0, _Timi,
    0,
    [_FTi, _STta, _STub],
    [[7, { [_jN]: _fTi }], [7, { [_jN]: _sTta }], [7, { [_jN]: _sTub }]]
];
var Track$ = [3, n0, _Tr,
    0,
    [_AP, _Co, _DP, _Du, _Ind, _TT, _VPi],
    [[() => AudioProperties$, { [_jN]: _aPu }], [0, { [_jN]: _co }], [() => DataProperties$, { [_jN]: _dP }], [1, { [_jN]: _du }], [1, { [_jN]: _ind }], [0, { [_jN]: _tT }], [() => VideoProperties$, { [_jN]: _vPi }]]
];
var TrackMapping$ = [3, n0, _TMra,
    0,
    [_ATI, _DTI, _VTI],
    [[64 | 1, { [_jN]: _aTI }], [64 | 1, { [_jN]: _dTI }], [64 | 1, { [_jN]: _vTI }]]
];
var TrackSourceSettings$ = [3, n0, _TSSr,
    0,
    [_SNt, _TN],
    [[1, { [_jN]: _sNt }], [1, { [_jN]: _tN }]]
];
var TtmlDestinationSettings$ = [3, n0, _TDSt,
    0,
    [_BC, _BO, _FCo, _FO, _FSon, _FSont, _FW, _SPt, _TDe],
    [[0, { [_jN]: _bC }], [1, { [_jN]: _bO }], [0, { [_jN]: _fCo }], [1, { [_jN]: _fO }], [1, { [_jN]: _fSon }], [0, { [_jN]: _fSont }], [0, { [_jN]: _fW }], [0, { [_jN]: _sPt }], [0, { [_jN]: _tDe }]]
];
var UncompressedSettings$ = [3, n0, _US,
    0,
    [_Fo, _FC, _FCA, _FD, _FN, _IM, _STCM, _SPl, _Te],
    [[0, { [_jN]: _fo }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [0, { [_jN]: _iM }], [0, { [_jN]: _sTCM }], [0, { [_jN]: _sPl }], [0, { [_jN]: _te }]]
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_A, _TK],
    [[0, 1], [64 | 0, { [_jN]: _tK }]], 1
];
var UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
var UpdateJobTemplateRequest$ = [3, n0, _UJTR,
    0,
    [_Na, _AScc, _Ca, _Desc, _EIS, _HD, _Pri, _Q, _Se, _SUI],
    [[0, 1], [() => AccelerationSettings$, { [_jN]: _aScc }], [0, { [_jN]: _ca }], [0, { [_jN]: _desc }], [() => ElementalInferenceSettings$, { [_jN]: _eIS }], [() => __listOfHopDestination, { [_jN]: _hD }], [1, { [_jN]: _pri }], [0, { [_jN]: _q }], [() => JobTemplateSettings$, { [_jN]: _set }], [0, { [_jN]: _sUI }]], 1
];
var UpdateJobTemplateResponse$ = [3, n0, _UJTRp,
    0,
    [_JT],
    [[() => JobTemplate$, { [_jN]: _jT }]]
];
var UpdatePresetRequest$ = [3, n0, _UPR,
    0,
    [_Na, _Ca, _Desc, _Se],
    [[0, 1], [0, { [_jN]: _ca }], [0, { [_jN]: _desc }], [() => PresetSettings$, { [_jN]: _set }]], 1
];
var UpdatePresetResponse$ = [3, n0, _UPRp,
    0,
    [_Pre],
    [[() => Preset$, { [_jN]: _pre }]]
];
var UpdateQueueRequest$ = [3, n0, _UQR,
    0,
    [_Na, _CJ, _Desc, _MCF, _RPS, _Sta],
    [[0, 1], [1, { [_jN]: _cJ }], [0, { [_jN]: _desc }], [1, { [_jN]: _mCF }], [() => ReservationPlanSettings$, { [_jN]: _rPS }], [0, { [_jN]: _sta }]], 1
];
var UpdateQueueResponse$ = [3, n0, _UQRp,
    0,
    [_Q],
    [[() => Queue$, { [_jN]: _q }]]
];
var Vc3Settings$ = [3, n0, _VSc,
    0,
    [_FC, _FCA, _FD, _FN, _IM, _STCM, _SPl, _Te, _VC],
    [[0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [0, { [_jN]: _iM }], [0, { [_jN]: _sTCM }], [0, { [_jN]: _sPl }], [0, { [_jN]: _te }], [0, { [_jN]: _vC }]]
];
var VideoCodecSettings$ = [3, n0, _VCS,
    0,
    [_ASv, _AIS, _Co, _FCSr, _GSi, _HS, _HSe, _MSpeg, _PSa, _PSro, _US, _VSc, _VSp, _VSpe, _XS],
    [[() => Av1Settings$, { [_jN]: _aSv }], [() => AvcIntraSettings$, { [_jN]: _aIS }], [0, { [_jN]: _co }], [() => FrameCaptureSettings$, { [_jN]: _fCSr }], [() => GifSettings$, { [_jN]: _gSi }], [() => H264Settings$, { [_jN]: _hSe }], [() => H265Settings$, { [_jN]: _hSet }], [() => Mpeg2Settings$, { [_jN]: _mSpeg }], [() => PassthroughSettings$, { [_jN]: _pSa }], [() => ProresSettings$, { [_jN]: _pSr }], [() => UncompressedSettings$, { [_jN]: _uS }], [() => Vc3Settings$, { [_jN]: _vSc }], [() => Vp8Settings$, { [_jN]: _vSp }], [() => Vp9Settings$, { [_jN]: _vSpe }], [() => XavcSettings$, { [_jN]: _xS }]]
];
var VideoDescription$ = [3, n0, _VD,
    0,
    [_ASf, _AA, _CPM, _CS, _CMol, _Cr, _DFT, _FAi, _H, _Pos, _RTA, _SB, _Sha, _TIi, _TTi, _VPid, _W],
    [[0, { [_jN]: _aSf }], [0, { [_jN]: _aA }], [0, { [_jN]: _cPM }], [() => VideoCodecSettings$, { [_jN]: _cS }], [0, { [_jN]: _cMo }], [() => Rectangle$, { [_jN]: _cr }], [0, { [_jN]: _dFT }], [1, { [_jN]: _fAi }], [1, { [_jN]: _h }], [() => Rectangle$, { [_jN]: _pos }], [0, { [_jN]: _rTA }], [0, { [_jN]: _sB }], [1, { [_jN]: _sha }], [0, { [_jN]: _tIi }], [0, { [_jN]: _tTi }], [() => VideoPreprocessor$, { [_jN]: _vPid }], [1, { [_jN]: _w }]]
];
var VideoDetail$ = [3, n0, _VDid,
    0,
    [_HIP, _WIP],
    [[1, { [_jN]: _hIP }], [1, { [_jN]: _wIP }]]
];
var VideoOverlay$ = [3, n0, _VOi,
    0,
    [_Cr, _ET, _IP, _In, _Pl, _STt, _Tra],
    [[() => VideoOverlayCrop$, { [_jN]: _cr }], [0, { [_jN]: _eT }], [() => VideoOverlayPosition$, { [_jN]: _iP }], [() => VideoOverlayInput$, { [_jN]: _inpu }], [0, { [_jN]: _pl }], [0, { [_jN]: _sTt }], [() => __listOfVideoOverlayTransition, { [_jN]: _tr }]]
];
var VideoOverlayCrop$ = [3, n0, _VOC,
    0,
    [_H, _Un, _W, _X, _Y],
    [[1, { [_jN]: _h }], [0, { [_jN]: _un }], [1, { [_jN]: _w }], [1, { [_jN]: _x }], [1, { [_jN]: _y }]]
];
var VideoOverlayInput$ = [3, n0, _VOI,
    0,
    [_ASud, _FI, _ICn, _TSi, _TSim],
    [[() => __mapOfAudioSelector, { [_jN]: _aSu }], [0, { [_jN]: _fI }], [() => __listOfVideoOverlayInputClipping, { [_jN]: _iCn }], [0, { [_jN]: _tSi }], [0, { [_jN]: _tSim }]]
];
var VideoOverlayInputClipping$ = [3, n0, _VOIC,
    0,
    [_ET, _STt],
    [[0, { [_jN]: _eT }], [0, { [_jN]: _sTt }]]
];
var VideoOverlayPosition$ = [3, n0, _VOP,
    0,
    [_H, _Op, _Un, _W, _XP, _YP],
    [[1, { [_jN]: _h }], [1, { [_jN]: _op }], [0, { [_jN]: _un }], [1, { [_jN]: _w }], [1, { [_jN]: _xP }], [1, { [_jN]: _yP }]]
];
var VideoOverlayTransition$ = [3, n0, _VOT,
    0,
    [_EPn, _ET, _STt],
    [[() => VideoOverlayPosition$, { [_jN]: _ePn }], [0, { [_jN]: _eT }], [0, { [_jN]: _sTt }]]
];
var VideoPreprocessor$ = [3, n0, _VPide,
    0,
    [_CCo, _Dei, _DV, _DC, _HP, _IIm, _NR, _PW, _TB],
    [[() => ColorCorrector$, { [_jN]: _cCo }], [() => Deinterlacer$, { [_jN]: _dei }], [() => DolbyVision$, { [_jN]: _dV }], [() => DurationControl$, { [_jN]: _dCu }], [() => Hdr10Plus$, { [_jN]: _hP }], [() => ImageInserter$, { [_jN]: _iIm }], [() => NoiseReducer$, { [_jN]: _nR }], [() => PartnerWatermarking$, { [_jN]: _pW }], [() => TimecodeBurnin$, { [_jN]: _tB }]]
];
var VideoProperties$ = [3, n0, _VPi,
    0,
    [_BD, _BR, _CMo, _CPo, _DAR, _FR, _HMd, _H, _MCat, _Ro, _SAR, _TCr, _W],
    [[1, { [_jN]: _bD }], [1, { [_jN]: _bR }], [() => CodecMetadata$, { [_jN]: _cMod }], [0, { [_jN]: _cPo }], [() => AspectRatio$, { [_jN]: _dAR }], [() => FrameRate$, { [_jN]: _fR }], [() => HdrMetadata$, { [_jN]: _hMd }], [1, { [_jN]: _h }], [0, { [_jN]: _mCat }], [1, { [_jN]: _ro }], [() => AspectRatio$, { [_jN]: _sAR }], [0, { [_jN]: _tCr }], [1, { [_jN]: _w }]]
];
var VideoSelector$ = [3, n0, _VSi,
    0,
    [_ABl, _CSol, _CSU, _ETO, _HM, _ML, _PV, _Pi, _PNr, _Rot, _SRa, _ST, _St],
    [[0, { [_jN]: _aBl }], [0, { [_jN]: _cSol }], [0, { [_jN]: _cSU }], [0, { [_jN]: _eTO }], [() => Hdr10Metadata$, { [_jN]: _hM }], [1, { [_jN]: _mL }], [0, { [_jN]: _pV }], [1, { [_jN]: _pi }], [1, { [_jN]: _pNr }], [0, { [_jN]: _rot }], [0, { [_jN]: _sRa }], [0, { [_jN]: _sT }], [64 | 1, { [_jN]: _st }]]
];
var VorbisSettings$ = [3, n0, _VS,
    0,
    [_C, _SR, _VQ],
    [[1, { [_jN]: _ch }], [1, { [_jN]: _sR }], [1, { [_jN]: _vQ }]]
];
var Vp8Settings$ = [3, n0, _VSp,
    0,
    [_B, _FC, _FCA, _FD, _FN, _GS, _HBS, _MB, _PCa, _PD, _PN, _QTL, _RCM],
    [[1, { [_jN]: _b }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [1, { [_jN]: _gS }], [1, { [_jN]: _hBS }], [1, { [_jN]: _mB }], [0, { [_jN]: _pCa }], [1, { [_jN]: _pD }], [1, { [_jN]: _pN }], [0, { [_jN]: _qTL }], [0, { [_jN]: _rCM }]]
];
var Vp9Settings$ = [3, n0, _VSpe,
    0,
    [_B, _FC, _FCA, _FD, _FN, _GS, _HBS, _MB, _PCa, _PD, _PN, _QTL, _RCM],
    [[1, { [_jN]: _b }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [1, { [_jN]: _gS }], [1, { [_jN]: _hBS }], [1, { [_jN]: _mB }], [0, { [_jN]: _pCa }], [1, { [_jN]: _pD }], [1, { [_jN]: _pN }], [0, { [_jN]: _qTL }], [0, { [_jN]: _rCM }]]
];
var WarningGroup$ = [3, n0, _WG,
    0,
    [_Cod, _Cou],
    [[1, { [_jN]: _cod }], [1, { [_jN]: _cou }]], 2
];
var WavSettings$ = [3, n0, _WS,
    0,
    [_BD, _C, _F, _SR],
    [[1, { [_jN]: _bD }], [1, { [_jN]: _ch }], [0, { [_jN]: _f }], [1, { [_jN]: _sR }]]
];
var WebvttDestinationSettings$ = [3, n0, _WDS,
    0,
    [_Ac, _SPt],
    [[0, { [_jN]: _ac }], [0, { [_jN]: _sPt }]]
];
var WebvttHlsSourceSettings$ = [3, n0, _WHSS,
    0,
    [_RGI, _RLC, _RN],
    [[0, { [_jN]: _rGI }], [0, { [_jN]: _rLC }], [0, { [_jN]: _rN }]]
];
var Xavc4kIntraCbgProfileSettings$ = [3, n0, _XICPS,
    0,
    [_XC],
    [[0, { [_jN]: _xC }]]
];
var Xavc4kIntraVbrProfileSettings$ = [3, n0, _XIVPS,
    0,
    [_XC],
    [[0, { [_jN]: _xC }]]
];
var Xavc4kProfileSettings$ = [3, n0, _XPSa,
    0,
    [_BCi, _CP, _FAQ, _GBR, _GCC, _HBS, _QTL, _Sl],
    [[0, { [_jN]: _bCi }], [0, { [_jN]: _cP }], [0, { [_jN]: _fAQ }], [0, { [_jN]: _gBR }], [1, { [_jN]: _gCC }], [1, { [_jN]: _hBS }], [0, { [_jN]: _qTL }], [1, { [_jN]: _sl }]]
];
var XavcHdIntraCbgProfileSettings$ = [3, n0, _XHICPS,
    0,
    [_IM, _XC],
    [[0, { [_jN]: _iM }], [0, { [_jN]: _xC }]]
];
var XavcHdProfileSettings$ = [3, n0, _XHPS,
    0,
    [_BCi, _FAQ, _GBR, _GCC, _HBS, _IM, _QTL, _Sl, _Te],
    [[0, { [_jN]: _bCi }], [0, { [_jN]: _fAQ }], [0, { [_jN]: _gBR }], [1, { [_jN]: _gCC }], [1, { [_jN]: _hBS }], [0, { [_jN]: _iM }], [0, { [_jN]: _qTL }], [1, { [_jN]: _sl }], [0, { [_jN]: _te }]]
];
var XavcSettings$ = [3, n0, _XS,
    0,
    [_AQ, _EE, _FC, _FCA, _FD, _FN, _PFM, _Pr, _SPl, _Sof, _SAQ, _TAQ, _XICPS, _XIVPS, _XPSa, _XHICPS, _XHPS],
    [[0, { [_jN]: _aQ }], [0, { [_jN]: _eE }], [0, { [_jN]: _fC }], [0, { [_jN]: _fCA }], [1, { [_jN]: _fD }], [1, { [_jN]: _fN }], [64 | 0, { [_jN]: _pFM }], [0, { [_jN]: _pr }], [0, { [_jN]: _sPl }], [1, { [_jN]: _sof }], [0, { [_jN]: _sAQ }], [0, { [_jN]: _tAQ }], [() => Xavc4kIntraCbgProfileSettings$, { [_jN]: _xICPS }], [() => Xavc4kIntraVbrProfileSettings$, { [_jN]: _xIVPS }], [() => Xavc4kProfileSettings$, { [_jN]: _xPSa }], [() => XavcHdIntraCbgProfileSettings$, { [_jN]: _xHICPS }], [() => XavcHdProfileSettings$, { [_jN]: _xHPS }]]
];
var __listOfAllowedRenditionSize = [1, n0, _lOARS,
    0, [() => AllowedRenditionSize$,
        0]
];
var __listOfAudioDescription = [1, n0, _lOAD,
    0, [() => AudioDescription$,
        0]
];
var __listOfAutomatedAbrRule = [1, n0, _lOAAR,
    0, [() => AutomatedAbrRule$,
        0]
];
var __listOfCaptionDescription = [1, n0, _lOCD,
    0, [() => CaptionDescription$,
        0]
];
var __listOfCaptionDescriptionPreset = [1, n0, _lOCDP,
    0, [() => CaptionDescriptionPreset$,
        0]
];
var __listOfCmafAdditionalManifest = [1, n0, _lOCAM,
    0, [() => CmafAdditionalManifest$,
        0]
];
var __listOfCmafImageBasedTrickPlayVariant = [1, n0, _lOCIBTPV,
    0, [() => CmafImageBasedTrickPlayVariant$,
        0]
];
var __listOfColorConversion3DLUTSetting = [1, n0, _lOCCDLUTS,
    0, [() => ColorConversion3DLUTSetting$,
        0]
];
var __listOfDashAdditionalManifest = [1, n0, _lODAM,
    0, [() => DashAdditionalManifest$,
        0]
];
var __listOfDashIsoImageBasedTrickPlayVariant = [1, n0, _lODIIBTPV,
    0, [() => DashIsoImageBasedTrickPlayVariant$,
        0]
];
var __listOfElementalInferenceFeed = [1, n0, _lOEIF,
    0, [() => ElementalInferenceFeed$,
        0]
];
var __listOfEndpoint = [1, n0, _lOE,
    0, [() => Endpoint$,
        0]
];
var __listOfForceIncludeRenditionSize = [1, n0, _lOFIRS,
    0, [() => ForceIncludeRenditionSize$,
        0]
];
var __listOfHlsAdditionalManifest = [1, n0, _lOHAM,
    0, [() => HlsAdditionalManifest$,
        0]
];
var __listOfHlsCaptionLanguageMapping = [1, n0, _lOHCLM,
    0, [() => HlsCaptionLanguageMapping$,
        0]
];
var __listOfHlsImageBasedTrickPlayVariant = [1, n0, _lOHIBTPV,
    0, [() => HlsImageBasedTrickPlayVariant$,
        0]
];
var __listOfHopDestination = [1, n0, _lOHD,
    0, [() => HopDestination$,
        0]
];
var __listOfId3Insertion = [1, n0, _lOII,
    0, [() => Id3Insertion$,
        0]
];
var __listOfInput = [1, n0, _lOI,
    0, [() => Input$,
        0]
];
var __listOfInputClipping = [1, n0, _lOIC,
    0, [() => InputClipping$,
        0]
];
var __listOfInputTemplate = [1, n0, _lOIT,
    0, [() => InputTemplate$,
        0]
];
var __listOfInsertableImage = [1, n0, _lOIIi,
    0, [() => InsertableImage$,
        0]
];
var __listOfJob = [1, n0, _lOJ,
    0, [() => Job$,
        0]
];
var __listOfJobEngineVersion = [1, n0, _lOJEV,
    0, [() => JobEngineVersion$,
        0]
];
var __listOfJobsQueryFilter = [1, n0, _lOJQF,
    0, [() => JobsQueryFilter$,
        0]
];
var __listOfJobTemplate = [1, n0, _lOJT,
    0, [() => JobTemplate$,
        0]
];
var __listOfMotionImageInserter = [1, n0, _lOMII,
    0, [() => MotionImageInserter$,
        0]
];
var __listOfMsSmoothAdditionalManifest = [1, n0, _lOMSAM,
    0, [() => MsSmoothAdditionalManifest$,
        0]
];
var __listOfMultiViewSettings = [1, n0, _lOMVS,
    0, [() => MultiViewSettings$,
        0]
];
var __listOfOutput = [1, n0, _lOO,
    0, [() => Output$,
        0]
];
var __listOfOutputChannelMapping = [1, n0, _lOOCM,
    0, [() => OutputChannelMapping$,
        0]
];
var __listOfOutputDetail = [1, n0, _lOOD,
    0, [() => OutputDetail$,
        0]
];
var __listOfOutputGroup = [1, n0, _lOOG,
    0, [() => OutputGroup$,
        0]
];
var __listOfOutputGroupDetail = [1, n0, _lOOGD,
    0, [() => OutputGroupDetail$,
        0]
];
var __listOfPreset = [1, n0, _lOP,
    0, [() => Preset$,
        0]
];
var __listOfProbeInputFile = [1, n0, _lOPIF,
    0, [() => ProbeInputFile$,
        0]
];
var __listOfProbeResult = [1, n0, _lOPR,
    0, [() => ProbeResult$,
        0]
];
var __listOfQueue = [1, n0, _lOQ,
    0, [() => Queue$,
        0]
];
var __listOfQueueTransition = [1, n0, _lOQT,
    0, [() => QueueTransition$,
        0]
];
var __listOfServiceOverride = [1, n0, _lOSO,
    0, [() => ServiceOverride$,
        0]
];
var __listOfTrack = [1, n0, _lOT,
    0, [() => Track$,
        0]
];
var __listOfTrackMapping = [1, n0, _lOTM,
    0, [() => TrackMapping$,
        0]
];
var __listOfVideoOverlay = [1, n0, _lOVO,
    0, [() => VideoOverlay$,
        0]
];
var __listOfVideoOverlayInputClipping = [1, n0, _lOVOIC,
    0, [() => VideoOverlayInputClipping$,
        0]
];
var __listOfVideoOverlayTransition = [1, n0, _lOVOT,
    0, [() => VideoOverlayTransition$,
        0]
];
var __listOfWarningGroup = [1, n0, _lOWG,
    0, [() => WarningGroup$,
        0]
];
var __mapOfAudioSelector = [2, n0, _mOAS,
    0, [0,
        0],
    [() => AudioSelector$,
        0]
];
var __mapOfAudioSelectorGroup = [2, n0, _mOASG,
    0, [0,
        0],
    [() => AudioSelectorGroup$,
        0]
];
var __mapOfCaptionSelector = [2, n0, _mOCS,
    0, [0,
        0],
    [() => CaptionSelector$,
        0]
];
var __mapOfDynamicAudioSelector = [2, n0, _mODAS,
    0, [0,
        0],
    [() => DynamicAudioSelector$,
        0]
];
var AssociateCertificate$ = [9, n0, _ACs,
    { [_ht]: ["POST", "/2017-08-29/certificates", 201] }, () => AssociateCertificateRequest$, () => AssociateCertificateResponse$
];
var CancelJob$ = [9, n0, _CJa,
    { [_ht]: ["DELETE", "/2017-08-29/jobs/{Id}", 202] }, () => CancelJobRequest$, () => CancelJobResponse$
];
var CreateJob$ = [9, n0, _CJr,
    { [_ht]: ["POST", "/2017-08-29/jobs", 201] }, () => CreateJobRequest$, () => CreateJobResponse$
];
var CreateJobTemplate$ = [9, n0, _CJT,
    { [_ht]: ["POST", "/2017-08-29/jobTemplates", 201] }, () => CreateJobTemplateRequest$, () => CreateJobTemplateResponse$
];
var CreatePreset$ = [9, n0, _CPr,
    { [_ht]: ["POST", "/2017-08-29/presets", 201] }, () => CreatePresetRequest$, () => CreatePresetResponse$
];
var CreateQueue$ = [9, n0, _CQ,
    { [_ht]: ["POST", "/2017-08-29/queues", 201] }, () => CreateQueueRequest$, () => CreateQueueResponse$
];
var CreateResourceShare$ = [9, n0, _CRS,
    { [_ht]: ["POST", "/2017-08-29/resourceShares", 202] }, () => CreateResourceShareRequest$, () => CreateResourceShareResponse$
];
var DeleteJobTemplate$ = [9, n0, _DJT,
    { [_ht]: ["DELETE", "/2017-08-29/jobTemplates/{Name}", 202] }, () => DeleteJobTemplateRequest$, () => DeleteJobTemplateResponse$
];
var DeletePolicy$ = [9, n0, _DPe,
    { [_ht]: ["DELETE", "/2017-08-29/policy", 200] }, () => DeletePolicyRequest$, () => DeletePolicyResponse$
];
var DeletePreset$ = [9, n0, _DPel,
    { [_ht]: ["DELETE", "/2017-08-29/presets/{Name}", 202] }, () => DeletePresetRequest$, () => DeletePresetResponse$
];
var DeleteQueue$ = [9, n0, _DQe,
    { [_ht]: ["DELETE", "/2017-08-29/queues/{Name}", 202] }, () => DeleteQueueRequest$, () => DeleteQueueResponse$
];
var DescribeEndpoints$ = [9, n0, _DE,
    { [_ht]: ["POST", "/2017-08-29/endpoints", 200] }, () => DescribeEndpointsRequest$, () => DescribeEndpointsResponse$
];
var DisassociateCertificate$ = [9, n0, _DCi,
    { [_ht]: ["DELETE", "/2017-08-29/certificates/{Arn}", 202] }, () => DisassociateCertificateRequest$, () => DisassociateCertificateResponse$
];
var GetJob$ = [9, n0, _GJ,
    { [_ht]: ["GET", "/2017-08-29/jobs/{Id}", 200] }, () => GetJobRequest$, () => GetJobResponse$
];
var GetJobsQueryResults$ = [9, n0, _GJQR,
    { [_ht]: ["GET", "/2017-08-29/jobsQueries/{Id}", 200] }, () => GetJobsQueryResultsRequest$, () => GetJobsQueryResultsResponse$
];
var GetJobTemplate$ = [9, n0, _GJT,
    { [_ht]: ["GET", "/2017-08-29/jobTemplates/{Name}", 200] }, () => GetJobTemplateRequest$, () => GetJobTemplateResponse$
];
var GetPolicy$ = [9, n0, _GP,
    { [_ht]: ["GET", "/2017-08-29/policy", 200] }, () => GetPolicyRequest$, () => GetPolicyResponse$
];
var GetPreset$ = [9, n0, _GPe,
    { [_ht]: ["GET", "/2017-08-29/presets/{Name}", 200] }, () => GetPresetRequest$, () => GetPresetResponse$
];
var GetQueue$ = [9, n0, _GQ,
    { [_ht]: ["GET", "/2017-08-29/queues/{Name}", 200] }, () => GetQueueRequest$, () => GetQueueResponse$
];
var ListJobs$ = [9, n0, _LJ,
    { [_ht]: ["GET", "/2017-08-29/jobs", 200] }, () => ListJobsRequest$, () => ListJobsResponse$
];
var ListJobTemplates$ = [9, n0, _LJT,
    { [_ht]: ["GET", "/2017-08-29/jobTemplates", 200] }, () => ListJobTemplatesRequest$, () => ListJobTemplatesResponse$
];
var ListPresets$ = [9, n0, _LP,
    { [_ht]: ["GET", "/2017-08-29/presets", 200] }, () => ListPresetsRequest$, () => ListPresetsResponse$
];
var ListQueues$ = [9, n0, _LQ,
    { [_ht]: ["GET", "/2017-08-29/queues", 200] }, () => ListQueuesRequest$, () => ListQueuesResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    { [_ht]: ["GET", "/2017-08-29/tags/{Arn}", 200] }, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var ListVersions$ = [9, n0, _LV,
    { [_ht]: ["GET", "/2017-08-29/versions", 200] }, () => ListVersionsRequest$, () => ListVersionsResponse$
];
var Probe$ = [9, n0, _Pro,
    { [_ht]: ["POST", "/2017-08-29/probe", 200] }, () => ProbeRequest$, () => ProbeResponse$
];
var PutPolicy$ = [9, n0, _PPu,
    { [_ht]: ["PUT", "/2017-08-29/policy", 200] }, () => PutPolicyRequest$, () => PutPolicyResponse$
];
var SearchJobs$ = [9, n0, _SJ,
    { [_ht]: ["GET", "/2017-08-29/search", 200] }, () => SearchJobsRequest$, () => SearchJobsResponse$
];
var StartJobsQuery$ = [9, n0, _SJQ,
    { [_ht]: ["POST", "/2017-08-29/jobsQueries", 201] }, () => StartJobsQueryRequest$, () => StartJobsQueryResponse$
];
var TagResource$ = [9, n0, _TR,
    { [_ht]: ["POST", "/2017-08-29/tags", 200] }, () => TagResourceRequest$, () => TagResourceResponse$
];
var UntagResource$ = [9, n0, _UR,
    { [_ht]: ["PUT", "/2017-08-29/tags/{Arn}", 200] }, () => UntagResourceRequest$, () => UntagResourceResponse$
];
var UpdateJobTemplate$ = [9, n0, _UJT,
    { [_ht]: ["PUT", "/2017-08-29/jobTemplates/{Name}", 200] }, () => UpdateJobTemplateRequest$, () => UpdateJobTemplateResponse$
];
var UpdatePreset$ = [9, n0, _UP,
    { [_ht]: ["PUT", "/2017-08-29/presets/{Name}", 200] }, () => UpdatePresetRequest$, () => UpdatePresetResponse$
];
var UpdateQueue$ = [9, n0, _UQ,
    { [_ht]: ["PUT", "/2017-08-29/queues/{Name}", 200] }, () => UpdateQueueRequest$, () => UpdateQueueResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2017-08-29",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultMediaConvertHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.mediaconvert",
            errorTypeRegistries,
            version: "2017-08-29",
            serviceTarget: "MediaConvert",
        },
        serviceId: config?.serviceId ?? "MediaConvert",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 300_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class MediaConvertClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultMediaConvertHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "MediaConvert", "MediaConvertClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class AssociateCertificateCommand extends command(_ep0, _mw0, "AssociateCertificate", AssociateCertificate$) {
}

class CancelJobCommand extends command(_ep0, _mw0, "CancelJob", CancelJob$) {
}

class CreateJobCommand extends command(_ep0, _mw0, "CreateJob", CreateJob$) {
}

class CreateJobTemplateCommand extends command(_ep0, _mw0, "CreateJobTemplate", CreateJobTemplate$) {
}

class CreatePresetCommand extends command(_ep0, _mw0, "CreatePreset", CreatePreset$) {
}

class CreateQueueCommand extends command(_ep0, _mw0, "CreateQueue", CreateQueue$) {
}

class CreateResourceShareCommand extends command(_ep0, _mw0, "CreateResourceShare", CreateResourceShare$) {
}

class DeleteJobTemplateCommand extends command(_ep0, _mw0, "DeleteJobTemplate", DeleteJobTemplate$) {
}

class DeletePolicyCommand extends command(_ep0, _mw0, "DeletePolicy", DeletePolicy$) {
}

class DeletePresetCommand extends command(_ep0, _mw0, "DeletePreset", DeletePreset$) {
}

class DeleteQueueCommand extends command(_ep0, _mw0, "DeleteQueue", DeleteQueue$) {
}

class DescribeEndpointsCommand extends command(_ep0, _mw0, "DescribeEndpoints", DescribeEndpoints$) {
}

class DisassociateCertificateCommand extends command(_ep0, _mw0, "DisassociateCertificate", DisassociateCertificate$) {
}

class GetJobCommand extends command(_ep0, _mw0, "GetJob", GetJob$) {
}

class GetJobsQueryResultsCommand extends command(_ep0, _mw0, "GetJobsQueryResults", GetJobsQueryResults$) {
}

class GetJobTemplateCommand extends command(_ep0, _mw0, "GetJobTemplate", GetJobTemplate$) {
}

class GetPolicyCommand extends command(_ep0, _mw0, "GetPolicy", GetPolicy$) {
}

class GetPresetCommand extends command(_ep0, _mw0, "GetPreset", GetPreset$) {
}

class GetQueueCommand extends command(_ep0, _mw0, "GetQueue", GetQueue$) {
}

class ListJobsCommand extends command(_ep0, _mw0, "ListJobs", ListJobs$) {
}

class ListJobTemplatesCommand extends command(_ep0, _mw0, "ListJobTemplates", ListJobTemplates$) {
}

class ListPresetsCommand extends command(_ep0, _mw0, "ListPresets", ListPresets$) {
}

class ListQueuesCommand extends command(_ep0, _mw0, "ListQueues", ListQueues$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class ListVersionsCommand extends command(_ep0, _mw0, "ListVersions", ListVersions$) {
}

class ProbeCommand extends command(_ep0, _mw0, "Probe", Probe$) {
}

class PutPolicyCommand extends command(_ep0, _mw0, "PutPolicy", PutPolicy$) {
}

class SearchJobsCommand extends command(_ep0, _mw0, "SearchJobs", SearchJobs$) {
}

class StartJobsQueryCommand extends command(_ep0, _mw0, "StartJobsQuery", StartJobsQuery$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateJobTemplateCommand extends command(_ep0, _mw0, "UpdateJobTemplate", UpdateJobTemplate$) {
}

class UpdatePresetCommand extends command(_ep0, _mw0, "UpdatePreset", UpdatePreset$) {
}

class UpdateQueueCommand extends command(_ep0, _mw0, "UpdateQueue", UpdateQueue$) {
}

const paginateDescribeEndpoints = createPaginator(MediaConvertClient, DescribeEndpointsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListJobs = createPaginator(MediaConvertClient, ListJobsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListJobTemplates = createPaginator(MediaConvertClient, ListJobTemplatesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListPresets = createPaginator(MediaConvertClient, ListPresetsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListQueues = createPaginator(MediaConvertClient, ListQueuesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListVersions = createPaginator(MediaConvertClient, ListVersionsCommand, "NextToken", "NextToken", "MaxResults");

const paginateSearchJobs = createPaginator(MediaConvertClient, SearchJobsCommand, "NextToken", "NextToken", "MaxResults");

const commands = {
    AssociateCertificateCommand,
    CancelJobCommand,
    CreateJobCommand,
    CreateJobTemplateCommand,
    CreatePresetCommand,
    CreateQueueCommand,
    CreateResourceShareCommand,
    DeleteJobTemplateCommand,
    DeletePolicyCommand,
    DeletePresetCommand,
    DeleteQueueCommand,
    DescribeEndpointsCommand,
    DisassociateCertificateCommand,
    GetJobCommand,
    GetJobsQueryResultsCommand,
    GetJobTemplateCommand,
    GetPolicyCommand,
    GetPresetCommand,
    GetQueueCommand,
    ListJobsCommand,
    ListJobTemplatesCommand,
    ListPresetsCommand,
    ListQueuesCommand,
    ListTagsForResourceCommand,
    ListVersionsCommand,
    ProbeCommand,
    PutPolicyCommand,
    SearchJobsCommand,
    StartJobsQueryCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateJobTemplateCommand,
    UpdatePresetCommand,
    UpdateQueueCommand,
};
const paginators = {
    paginateDescribeEndpoints,
    paginateListJobs,
    paginateListJobTemplates,
    paginateListPresets,
    paginateListQueues,
    paginateListVersions,
    paginateSearchJobs,
};
class MediaConvert extends MediaConvertClient {
}
createAggregatedClient(commands, MediaConvert, { paginators });

const RequiredFlag = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AudioChannelTag = {
    C: "C",
    CS: "CS",
    HI: "HI",
    L: "L",
    LC: "LC",
    LFE: "LFE",
    LFE2: "LFE2",
    LS: "LS",
    LSD: "LSD",
    LT: "LT",
    LW: "LW",
    M: "M",
    NAR: "NAR",
    R: "R",
    RC: "RC",
    RS: "RS",
    RSD: "RSD",
    RSL: "RSL",
    RSR: "RSR",
    RT: "RT",
    RW: "RW",
    TBC: "TBC",
    TBL: "TBL",
    TBR: "TBR",
    TCS: "TCS",
    VHC: "VHC",
    VHL: "VHL",
    VHR: "VHR",
};
const AudioNormalizationAlgorithm = {
    ITU_BS_1770_1: "ITU_BS_1770_1",
    ITU_BS_1770_2: "ITU_BS_1770_2",
    ITU_BS_1770_3: "ITU_BS_1770_3",
    ITU_BS_1770_4: "ITU_BS_1770_4",
};
const AudioNormalizationAlgorithmControl = {
    CORRECT_AUDIO: "CORRECT_AUDIO",
    MEASURE_ONLY: "MEASURE_ONLY",
};
const AudioNormalizationLoudnessLogging = {
    DONT_LOG: "DONT_LOG",
    LOG: "LOG",
};
const AudioNormalizationPeakCalculation = {
    NONE: "NONE",
    TRUE_PEAK: "TRUE_PEAK",
};
const SlowPalPitchCorrection = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AudioTypeControl = {
    FOLLOW_INPUT: "FOLLOW_INPUT",
    USE_CONFIGURED: "USE_CONFIGURED",
};
const AacAudioDescriptionBroadcasterMix = {
    BROADCASTER_MIXED_AD: "BROADCASTER_MIXED_AD",
    NORMAL: "NORMAL",
};
const AacCodecProfile = {
    HEV1: "HEV1",
    HEV2: "HEV2",
    LC: "LC",
    XHE: "XHE",
};
const AacCodingMode = {
    AD_RECEIVER_MIX: "AD_RECEIVER_MIX",
    CODING_MODE_1_0: "CODING_MODE_1_0",
    CODING_MODE_1_1: "CODING_MODE_1_1",
    CODING_MODE_2_0: "CODING_MODE_2_0",
    CODING_MODE_5_1: "CODING_MODE_5_1",
    CODING_MODE_AUTO: "CODING_MODE_AUTO",
};
const AacLoudnessMeasurementMode = {
    ANCHOR: "ANCHOR",
    PROGRAM: "PROGRAM",
};
const AacPassthroughControl = {
    NO_PASSTHROUGH: "NO_PASSTHROUGH",
    WHEN_POSSIBLE: "WHEN_POSSIBLE",
};
const AacRateControlMode = {
    CBR: "CBR",
    VBR: "VBR",
};
const AacRawFormat = {
    LATM_LOAS: "LATM_LOAS",
    NONE: "NONE",
};
const AacSpecification = {
    MPEG2: "MPEG2",
    MPEG4: "MPEG4",
};
const AacVbrQuality = {
    HIGH: "HIGH",
    LOW: "LOW",
    MEDIUM_HIGH: "MEDIUM_HIGH",
    MEDIUM_LOW: "MEDIUM_LOW",
};
const Ac3BitstreamMode = {
    COMMENTARY: "COMMENTARY",
    COMPLETE_MAIN: "COMPLETE_MAIN",
    DIALOGUE: "DIALOGUE",
    EMERGENCY: "EMERGENCY",
    HEARING_IMPAIRED: "HEARING_IMPAIRED",
    MUSIC_AND_EFFECTS: "MUSIC_AND_EFFECTS",
    VISUALLY_IMPAIRED: "VISUALLY_IMPAIRED",
    VOICE_OVER: "VOICE_OVER",
};
const Ac3CodingMode = {
    CODING_MODE_1_0: "CODING_MODE_1_0",
    CODING_MODE_1_1: "CODING_MODE_1_1",
    CODING_MODE_2_0: "CODING_MODE_2_0",
    CODING_MODE_3_2_LFE: "CODING_MODE_3_2_LFE",
    CODING_MODE_AUTO: "CODING_MODE_AUTO",
};
const Ac3DynamicRangeCompressionLine = {
    FILM_LIGHT: "FILM_LIGHT",
    FILM_STANDARD: "FILM_STANDARD",
    MUSIC_LIGHT: "MUSIC_LIGHT",
    MUSIC_STANDARD: "MUSIC_STANDARD",
    NONE: "NONE",
    SPEECH: "SPEECH",
};
const Ac3DynamicRangeCompressionProfile = {
    FILM_STANDARD: "FILM_STANDARD",
    NONE: "NONE",
};
const Ac3DynamicRangeCompressionRf = {
    FILM_LIGHT: "FILM_LIGHT",
    FILM_STANDARD: "FILM_STANDARD",
    MUSIC_LIGHT: "MUSIC_LIGHT",
    MUSIC_STANDARD: "MUSIC_STANDARD",
    NONE: "NONE",
    SPEECH: "SPEECH",
};
const Ac3LfeFilter = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Ac3MetadataControl = {
    FOLLOW_INPUT: "FOLLOW_INPUT",
    USE_CONFIGURED: "USE_CONFIGURED",
};
const Ac4BitstreamMode = {
    COMPLETE_MAIN: "COMPLETE_MAIN",
    EMERGENCY: "EMERGENCY",
};
const Ac4CodingMode = {
    CODING_MODE_2_0: "CODING_MODE_2_0",
    CODING_MODE_3_2_LFE: "CODING_MODE_3_2_LFE",
    CODING_MODE_5_1_4: "CODING_MODE_5_1_4",
};
const Ac4DynamicRangeCompressionDrcProfile = {
    FILM_LIGHT: "FILM_LIGHT",
    FILM_STANDARD: "FILM_STANDARD",
    MUSIC_LIGHT: "MUSIC_LIGHT",
    MUSIC_STANDARD: "MUSIC_STANDARD",
    NONE: "NONE",
    SPEECH: "SPEECH",
};
const Ac4StereoDownmix = {
    DPL2: "DPL2",
    LO_RO: "LO_RO",
    LT_RT: "LT_RT",
    NOT_INDICATED: "NOT_INDICATED",
};
const AudioCodec = {
    AAC: "AAC",
    AC3: "AC3",
    AC4: "AC4",
    AIFF: "AIFF",
    EAC3: "EAC3",
    EAC3_ATMOS: "EAC3_ATMOS",
    FLAC: "FLAC",
    MP2: "MP2",
    MP3: "MP3",
    OPUS: "OPUS",
    PASSTHROUGH: "PASSTHROUGH",
    VORBIS: "VORBIS",
    WAV: "WAV",
};
const Eac3AtmosBitstreamMode = {
    COMPLETE_MAIN: "COMPLETE_MAIN",
};
const Eac3AtmosCodingMode = {
    CODING_MODE_5_1_4: "CODING_MODE_5_1_4",
    CODING_MODE_7_1_4: "CODING_MODE_7_1_4",
    CODING_MODE_9_1_6: "CODING_MODE_9_1_6",
    CODING_MODE_AUTO: "CODING_MODE_AUTO",
};
const Eac3AtmosDialogueIntelligence = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Eac3AtmosDownmixControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Eac3AtmosDynamicRangeCompressionLine = {
    FILM_LIGHT: "FILM_LIGHT",
    FILM_STANDARD: "FILM_STANDARD",
    MUSIC_LIGHT: "MUSIC_LIGHT",
    MUSIC_STANDARD: "MUSIC_STANDARD",
    NONE: "NONE",
    SPEECH: "SPEECH",
};
const Eac3AtmosDynamicRangeCompressionRf = {
    FILM_LIGHT: "FILM_LIGHT",
    FILM_STANDARD: "FILM_STANDARD",
    MUSIC_LIGHT: "MUSIC_LIGHT",
    MUSIC_STANDARD: "MUSIC_STANDARD",
    NONE: "NONE",
    SPEECH: "SPEECH",
};
const Eac3AtmosDynamicRangeControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Eac3AtmosMeteringMode = {
    ITU_BS_1770_1: "ITU_BS_1770_1",
    ITU_BS_1770_2: "ITU_BS_1770_2",
    ITU_BS_1770_3: "ITU_BS_1770_3",
    ITU_BS_1770_4: "ITU_BS_1770_4",
    LEQ_A: "LEQ_A",
};
const Eac3AtmosStereoDownmix = {
    DPL2: "DPL2",
    NOT_INDICATED: "NOT_INDICATED",
    STEREO: "STEREO",
    SURROUND: "SURROUND",
};
const Eac3AtmosSurroundExMode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    NOT_INDICATED: "NOT_INDICATED",
};
const Eac3AttenuationControl = {
    ATTENUATE_3_DB: "ATTENUATE_3_DB",
    NONE: "NONE",
};
const Eac3BitstreamMode = {
    COMMENTARY: "COMMENTARY",
    COMPLETE_MAIN: "COMPLETE_MAIN",
    EMERGENCY: "EMERGENCY",
    HEARING_IMPAIRED: "HEARING_IMPAIRED",
    VISUALLY_IMPAIRED: "VISUALLY_IMPAIRED",
};
const Eac3CodingMode = {
    CODING_MODE_1_0: "CODING_MODE_1_0",
    CODING_MODE_2_0: "CODING_MODE_2_0",
    CODING_MODE_3_2: "CODING_MODE_3_2",
    CODING_MODE_AUTO: "CODING_MODE_AUTO",
};
const Eac3DcFilter = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Eac3DynamicRangeCompressionLine = {
    FILM_LIGHT: "FILM_LIGHT",
    FILM_STANDARD: "FILM_STANDARD",
    MUSIC_LIGHT: "MUSIC_LIGHT",
    MUSIC_STANDARD: "MUSIC_STANDARD",
    NONE: "NONE",
    SPEECH: "SPEECH",
};
const Eac3DynamicRangeCompressionRf = {
    FILM_LIGHT: "FILM_LIGHT",
    FILM_STANDARD: "FILM_STANDARD",
    MUSIC_LIGHT: "MUSIC_LIGHT",
    MUSIC_STANDARD: "MUSIC_STANDARD",
    NONE: "NONE",
    SPEECH: "SPEECH",
};
const Eac3LfeControl = {
    LFE: "LFE",
    NO_LFE: "NO_LFE",
};
const Eac3LfeFilter = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Eac3MetadataControl = {
    FOLLOW_INPUT: "FOLLOW_INPUT",
    USE_CONFIGURED: "USE_CONFIGURED",
};
const Eac3PassthroughControl = {
    NO_PASSTHROUGH: "NO_PASSTHROUGH",
    WHEN_POSSIBLE: "WHEN_POSSIBLE",
};
const Eac3PhaseControl = {
    NO_SHIFT: "NO_SHIFT",
    SHIFT_90_DEGREES: "SHIFT_90_DEGREES",
};
const Eac3StereoDownmix = {
    DPL2: "DPL2",
    LO_RO: "LO_RO",
    LT_RT: "LT_RT",
    NOT_INDICATED: "NOT_INDICATED",
};
const Eac3SurroundExMode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    NOT_INDICATED: "NOT_INDICATED",
};
const Eac3SurroundMode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    NOT_INDICATED: "NOT_INDICATED",
};
const Mp2AudioDescriptionMix = {
    BROADCASTER_MIXED_AD: "BROADCASTER_MIXED_AD",
    NONE: "NONE",
};
const Mp3RateControlMode = {
    CBR: "CBR",
    VBR: "VBR",
};
const WavFormat = {
    EXTENSIBLE: "EXTENSIBLE",
    RF64: "RF64",
    RIFF: "RIFF",
};
const LanguageCode = {
    AAR: "AAR",
    ABK: "ABK",
    AFR: "AFR",
    AKA: "AKA",
    AMH: "AMH",
    ARA: "ARA",
    ARG: "ARG",
    ASM: "ASM",
    AVA: "AVA",
    AVE: "AVE",
    AYM: "AYM",
    AZE: "AZE",
    BAK: "BAK",
    BAM: "BAM",
    BEL: "BEL",
    BEN: "BEN",
    BIH: "BIH",
    BIS: "BIS",
    BOD: "BOD",
    BOS: "BOS",
    BRE: "BRE",
    BUL: "BUL",
    CAT: "CAT",
    CES: "CES",
    CHA: "CHA",
    CHE: "CHE",
    CHU: "CHU",
    CHV: "CHV",
    COR: "COR",
    COS: "COS",
    CRE: "CRE",
    CYM: "CYM",
    DAN: "DAN",
    DEU: "DEU",
    DIV: "DIV",
    DZO: "DZO",
    ELL: "ELL",
    ENG: "ENG",
    ENM: "ENM",
    EPO: "EPO",
    EST: "EST",
    EUS: "EUS",
    EWE: "EWE",
    FAO: "FAO",
    FAS: "FAS",
    FIJ: "FIJ",
    FIN: "FIN",
    FRA: "FRA",
    FRM: "FRM",
    FRY: "FRY",
    FUL: "FUL",
    GER: "GER",
    GLA: "GLA",
    GLE: "GLE",
    GLG: "GLG",
    GLV: "GLV",
    GRN: "GRN",
    GUJ: "GUJ",
    HAT: "HAT",
    HAU: "HAU",
    HEB: "HEB",
    HER: "HER",
    HIN: "HIN",
    HMO: "HMO",
    HRV: "HRV",
    HUN: "HUN",
    HYE: "HYE",
    IBO: "IBO",
    IDO: "IDO",
    III: "III",
    IKU: "IKU",
    ILE: "ILE",
    INA: "INA",
    IND: "IND",
    IPK: "IPK",
    ISL: "ISL",
    ITA: "ITA",
    JAV: "JAV",
    JPN: "JPN",
    KAL: "KAL",
    KAN: "KAN",
    KAS: "KAS",
    KAT: "KAT",
    KAU: "KAU",
    KAZ: "KAZ",
    KHM: "KHM",
    KIK: "KIK",
    KIN: "KIN",
    KIR: "KIR",
    KOM: "KOM",
    KON: "KON",
    KOR: "KOR",
    KUA: "KUA",
    KUR: "KUR",
    LAO: "LAO",
    LAT: "LAT",
    LAV: "LAV",
    LIM: "LIM",
    LIN: "LIN",
    LIT: "LIT",
    LTZ: "LTZ",
    LUB: "LUB",
    LUG: "LUG",
    MAH: "MAH",
    MAL: "MAL",
    MAR: "MAR",
    MKD: "MKD",
    MLG: "MLG",
    MLT: "MLT",
    MON: "MON",
    MRI: "MRI",
    MSA: "MSA",
    MYA: "MYA",
    NAU: "NAU",
    NAV: "NAV",
    NBL: "NBL",
    NDE: "NDE",
    NDO: "NDO",
    NEP: "NEP",
    NLD: "NLD",
    NNO: "NNO",
    NOB: "NOB",
    NOR: "NOR",
    NYA: "NYA",
    OCI: "OCI",
    OJI: "OJI",
    ORI: "ORI",
    ORJ: "ORJ",
    ORM: "ORM",
    OSS: "OSS",
    PAN: "PAN",
    PLI: "PLI",
    POL: "POL",
    POR: "POR",
    PUS: "PUS",
    QAA: "QAA",
    QPC: "QPC",
    QUE: "QUE",
    ROH: "ROH",
    RON: "RON",
    RUN: "RUN",
    RUS: "RUS",
    SAG: "SAG",
    SAN: "SAN",
    SIN: "SIN",
    SLK: "SLK",
    SLV: "SLV",
    SME: "SME",
    SMO: "SMO",
    SNA: "SNA",
    SND: "SND",
    SOM: "SOM",
    SOT: "SOT",
    SPA: "SPA",
    SQI: "SQI",
    SRB: "SRB",
    SRD: "SRD",
    SRP: "SRP",
    SSW: "SSW",
    SUN: "SUN",
    SWA: "SWA",
    SWE: "SWE",
    TAH: "TAH",
    TAM: "TAM",
    TAT: "TAT",
    TEL: "TEL",
    TGK: "TGK",
    TGL: "TGL",
    THA: "THA",
    TIR: "TIR",
    TNG: "TNG",
    TON: "TON",
    TSN: "TSN",
    TSO: "TSO",
    TUK: "TUK",
    TUR: "TUR",
    TWI: "TWI",
    UIG: "UIG",
    UKR: "UKR",
    URD: "URD",
    UZB: "UZB",
    VEN: "VEN",
    VIE: "VIE",
    VOL: "VOL",
    WLN: "WLN",
    WOL: "WOL",
    XHO: "XHO",
    YID: "YID",
    YOR: "YOR",
    ZHA: "ZHA",
    ZHO: "ZHO",
    ZUL: "ZUL",
};
const AudioLanguageCodeControl = {
    FOLLOW_INPUT: "FOLLOW_INPUT",
    USE_CONFIGURED: "USE_CONFIGURED",
};
const RuleType = {
    ALLOWED_RENDITIONS: "ALLOWED_RENDITIONS",
    FORCE_INCLUDE_RENDITIONS: "FORCE_INCLUDE_RENDITIONS",
    MIN_BOTTOM_RENDITION_SIZE: "MIN_BOTTOM_RENDITION_SIZE",
    MIN_TOP_RENDITION_SIZE: "MIN_TOP_RENDITION_SIZE",
};
const BurninSubtitleAlignment = {
    AUTO: "AUTO",
    CENTERED: "CENTERED",
    LEFT: "LEFT",
};
const BurninSubtitleApplyFontColor = {
    ALL_TEXT: "ALL_TEXT",
    WHITE_TEXT_ONLY: "WHITE_TEXT_ONLY",
};
const BurninSubtitleBackgroundColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    NONE: "NONE",
    WHITE: "WHITE",
};
const BurninSubtitleFallbackFont = {
    BEST_MATCH: "BEST_MATCH",
    MONOSPACED_SANSSERIF: "MONOSPACED_SANSSERIF",
    MONOSPACED_SERIF: "MONOSPACED_SERIF",
    PROPORTIONAL_SANSSERIF: "PROPORTIONAL_SANSSERIF",
    PROPORTIONAL_SERIF: "PROPORTIONAL_SERIF",
};
const BurninSubtitleFontColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    BLUE: "BLUE",
    GREEN: "GREEN",
    HEX: "HEX",
    RED: "RED",
    WHITE: "WHITE",
    YELLOW: "YELLOW",
};
const FontScript = {
    AUTOMATIC: "AUTOMATIC",
    HANS: "HANS",
    HANT: "HANT",
};
const BurninSubtitleOutlineColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    BLUE: "BLUE",
    GREEN: "GREEN",
    RED: "RED",
    WHITE: "WHITE",
    YELLOW: "YELLOW",
};
const RemoveRubyReserveAttributes = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const BurninSubtitleShadowColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    NONE: "NONE",
    WHITE: "WHITE",
};
const BurnInSubtitleStylePassthrough = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const BurninSubtitleTeletextSpacing = {
    AUTO: "AUTO",
    FIXED_GRID: "FIXED_GRID",
    PROPORTIONAL: "PROPORTIONAL",
};
const CaptionDestinationType = {
    BURN_IN: "BURN_IN",
    DVB_SUB: "DVB_SUB",
    EMBEDDED: "EMBEDDED",
    EMBEDDED_PLUS_SCTE20: "EMBEDDED_PLUS_SCTE20",
    IMSC: "IMSC",
    SCC: "SCC",
    SCTE20_PLUS_EMBEDDED: "SCTE20_PLUS_EMBEDDED",
    SMI: "SMI",
    SRT: "SRT",
    TELETEXT: "TELETEXT",
    TTML: "TTML",
    WEBVTT: "WEBVTT",
};
const DvbSubtitleAlignment = {
    AUTO: "AUTO",
    CENTERED: "CENTERED",
    LEFT: "LEFT",
};
const DvbSubtitleApplyFontColor = {
    ALL_TEXT: "ALL_TEXT",
    WHITE_TEXT_ONLY: "WHITE_TEXT_ONLY",
};
const DvbSubtitleBackgroundColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    NONE: "NONE",
    WHITE: "WHITE",
};
const DvbddsHandling = {
    NONE: "NONE",
    NO_DISPLAY_WINDOW: "NO_DISPLAY_WINDOW",
    SPECIFIED: "SPECIFIED",
    SPECIFIED_OPTIMAL: "SPECIFIED_OPTIMAL",
};
const DvbSubSubtitleFallbackFont = {
    BEST_MATCH: "BEST_MATCH",
    MONOSPACED_SANSSERIF: "MONOSPACED_SANSSERIF",
    MONOSPACED_SERIF: "MONOSPACED_SERIF",
    PROPORTIONAL_SANSSERIF: "PROPORTIONAL_SANSSERIF",
    PROPORTIONAL_SERIF: "PROPORTIONAL_SERIF",
};
const DvbSubtitleFontColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    BLUE: "BLUE",
    GREEN: "GREEN",
    HEX: "HEX",
    RED: "RED",
    WHITE: "WHITE",
    YELLOW: "YELLOW",
};
const DvbSubtitleOutlineColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    BLUE: "BLUE",
    GREEN: "GREEN",
    RED: "RED",
    WHITE: "WHITE",
    YELLOW: "YELLOW",
};
const DvbSubtitleShadowColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    NONE: "NONE",
    WHITE: "WHITE",
};
const DvbSubtitleStylePassthrough = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const DvbSubtitlingType = {
    HEARING_IMPAIRED: "HEARING_IMPAIRED",
    STANDARD: "STANDARD",
};
const DvbSubtitleTeletextSpacing = {
    AUTO: "AUTO",
    FIXED_GRID: "FIXED_GRID",
    PROPORTIONAL: "PROPORTIONAL",
};
const ImscAccessibilitySubs = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const ImscStylePassthrough = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const SccDestinationFramerate = {
    FRAMERATE_23_97: "FRAMERATE_23_97",
    FRAMERATE_24: "FRAMERATE_24",
    FRAMERATE_25: "FRAMERATE_25",
    FRAMERATE_29_97_DROPFRAME: "FRAMERATE_29_97_DROPFRAME",
    FRAMERATE_29_97_NON_DROPFRAME: "FRAMERATE_29_97_NON_DROPFRAME",
};
const SrtStylePassthrough = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const TeletextPageType = {
    PAGE_TYPE_ADDL_INFO: "PAGE_TYPE_ADDL_INFO",
    PAGE_TYPE_HEARING_IMPAIRED_SUBTITLE: "PAGE_TYPE_HEARING_IMPAIRED_SUBTITLE",
    PAGE_TYPE_INITIAL: "PAGE_TYPE_INITIAL",
    PAGE_TYPE_PROGRAM_SCHEDULE: "PAGE_TYPE_PROGRAM_SCHEDULE",
    PAGE_TYPE_SUBTITLE: "PAGE_TYPE_SUBTITLE",
};
const TtmlBackgroundColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    NONE: "NONE",
    WHITE: "WHITE",
};
const TtmlFontColor = {
    AUTO: "AUTO",
    BLACK: "BLACK",
    BLUE: "BLUE",
    GREEN: "GREEN",
    RED: "RED",
    WHITE: "WHITE",
    YELLOW: "YELLOW",
};
const TtmlFontStyle = {
    ITALIC: "ITALIC",
    NORMAL: "NORMAL",
};
const TtmlFontWeight = {
    BOLD: "BOLD",
    NORMAL: "NORMAL",
};
const TtmlStylePassthrough = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const TtmlTextDecoration = {
    NONE: "NONE",
    UNDERLINE: "UNDERLINE",
};
const WebvttAccessibilitySubs = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const WebvttStylePassthrough = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    MERGE: "MERGE",
    STRICT: "STRICT",
};
const CaptionSource = {
    INPUT_CAPTION_SELECTOR: "INPUT_CAPTION_SELECTOR",
    SMART_SUBTITLE: "SMART_SUBTITLE",
};
const CmafIntervalCadence = {
    FOLLOW_CUSTOM: "FOLLOW_CUSTOM",
    FOLLOW_IFRAME: "FOLLOW_IFRAME",
    FOLLOW_SEGMENTATION: "FOLLOW_SEGMENTATION",
};
const ColorSpace = {
    FOLLOW: "FOLLOW",
    HDR10: "HDR10",
    HLG_2020: "HLG_2020",
    P3D65_HDR: "P3D65_HDR",
    P3D65_SDR: "P3D65_SDR",
    P3DCI: "P3DCI",
    REC_601: "REC_601",
    REC_709: "REC_709",
};
const DashAdaptationSetGrouping = {
    CODEC: "CODEC",
};
const DashIsoIntervalCadence = {
    FOLLOW_CUSTOM: "FOLLOW_CUSTOM",
    FOLLOW_IFRAME: "FOLLOW_IFRAME",
    FOLLOW_SEGMENTATION: "FOLLOW_SEGMENTATION",
};
const ElementalInferenceFeature = {
    SMART_CROP: "SMART_CROP",
    SMART_SUBTITLE: "SMART_SUBTITLE",
};
const ElementalInferenceFeedManagementState = {
    ASSOCIATED: "ASSOCIATED",
    CREATED: "CREATED",
    DELETED: "DELETED",
    PENDING_DELETION: "PENDING_DELETION",
};
const FrameMetricType = {
    MS_SSIM: "MS_SSIM",
    PSNR: "PSNR",
    PSNR_HVS: "PSNR_HVS",
    QVBR: "QVBR",
    SHOT_CHANGE: "SHOT_CHANGE",
    SSIM: "SSIM",
    VMAF: "VMAF",
};
const HlsAdMarkers = {
    ELEMENTAL: "ELEMENTAL",
    ELEMENTAL_SCTE35: "ELEMENTAL_SCTE35",
};
const HlsIntervalCadence = {
    FOLLOW_CUSTOM: "FOLLOW_CUSTOM",
    FOLLOW_IFRAME: "FOLLOW_IFRAME",
    FOLLOW_SEGMENTATION: "FOLLOW_SEGMENTATION",
};
const AdvancedInputFilter = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AdvancedInputFilterAddTexture = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AdvancedInputFilterSharpen = {
    HIGH: "HIGH",
    LOW: "LOW",
    OFF: "OFF",
};
const AudioDurationCorrection = {
    AUTO: "AUTO",
    DISABLED: "DISABLED",
    FORCE: "FORCE",
    FRAME: "FRAME",
    TRACK: "TRACK",
};
const AudioDefaultSelection = {
    DEFAULT: "DEFAULT",
    NOT_DEFAULT: "NOT_DEFAULT",
};
const AudioSelectorType = {
    ALL_PCM: "ALL_PCM",
    HLS_RENDITION_GROUP: "HLS_RENDITION_GROUP",
    LANGUAGE_CODE: "LANGUAGE_CODE",
    PID: "PID",
    STREAM: "STREAM",
    TRACK: "TRACK",
};
const AudioSmpte337Passthrough = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AncillaryConvert608To708 = {
    DISABLED: "DISABLED",
    UPCONVERT: "UPCONVERT",
};
const AncillaryTerminateCaptions = {
    DISABLED: "DISABLED",
    END_OF_INPUT: "END_OF_INPUT",
};
const EmbeddedConvert608To708 = {
    DISABLED: "DISABLED",
    UPCONVERT: "UPCONVERT",
};
const EmbeddedTerminateCaptions = {
    DISABLED: "DISABLED",
    END_OF_INPUT: "END_OF_INPUT",
};
const CaptionSourceByteRateLimit = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const FileSourceConvert608To708 = {
    DISABLED: "DISABLED",
    UPCONVERT: "UPCONVERT",
};
const CaptionSourceConvertPaintOnToPopOn = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const FileSourceTimeDeltaUnits = {
    MILLISECONDS: "MILLISECONDS",
    SECONDS: "SECONDS",
};
const CaptionSourceUpconvertSTLToTeletext = {
    DISABLED: "DISABLED",
    UPCONVERT: "UPCONVERT",
};
const CaptionSourceType = {
    ANCILLARY: "ANCILLARY",
    DVB_SUB: "DVB_SUB",
    EMBEDDED: "EMBEDDED",
    IMSC: "IMSC",
    NULL_SOURCE: "NULL_SOURCE",
    SCC: "SCC",
    SCTE20: "SCTE20",
    SMI: "SMI",
    SMPTE_TT: "SMPTE_TT",
    SRT: "SRT",
    STL: "STL",
    TELETEXT: "TELETEXT",
    TTML: "TTML",
    TT_3GPP: "TT_3GPP",
    WEBVTT: "WEBVTT",
};
const InputDeblockFilter = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const DecryptionMode = {
    AES_CBC: "AES_CBC",
    AES_CTR: "AES_CTR",
    AES_GCM: "AES_GCM",
};
const InputDenoiseFilter = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const DynamicAudioSelectorType = {
    ALL_TRACKS: "ALL_TRACKS",
    LANGUAGE_CODE: "LANGUAGE_CODE",
};
const InputFilterEnable = {
    AUTO: "AUTO",
    DISABLE: "DISABLE",
    FORCE: "FORCE",
};
const InputScanType = {
    AUTO: "AUTO",
    PSF: "PSF",
};
const InputPsiControl = {
    IGNORE_PSI: "IGNORE_PSI",
    USE_PSI: "USE_PSI",
};
const TamsGapHandling = {
    FILL_WITH_BLACK: "FILL_WITH_BLACK",
    HOLD_LAST_FRAME: "HOLD_LAST_FRAME",
    SKIP_GAPS: "SKIP_GAPS",
};
const InputTimecodeSource = {
    EMBEDDED: "EMBEDDED",
    SPECIFIEDSTART: "SPECIFIEDSTART",
    ZEROBASED: "ZEROBASED",
};
const VideoOverlayUnit = {
    PERCENTAGE: "PERCENTAGE",
    PIXELS: "PIXELS",
};
const VideoOverlayPlayBackMode = {
    ONCE: "ONCE",
    REPEAT: "REPEAT",
};
const AlphaBehavior = {
    DISCARD: "DISCARD",
    REMAP_TO_LUMA: "REMAP_TO_LUMA",
};
const ColorSpaceUsage = {
    FALLBACK: "FALLBACK",
    FORCE: "FORCE",
};
const EmbeddedTimecodeOverride = {
    NONE: "NONE",
    USE_MDPM: "USE_MDPM",
};
const PadVideo = {
    BLACK: "BLACK",
    DISABLED: "DISABLED",
};
const InputRotate = {
    AUTO: "AUTO",
    DEGREES_180: "DEGREES_180",
    DEGREES_270: "DEGREES_270",
    DEGREES_90: "DEGREES_90",
    DEGREE_0: "DEGREE_0",
};
const InputSampleRange = {
    FOLLOW: "FOLLOW",
    FULL_RANGE: "FULL_RANGE",
    LIMITED_RANGE: "LIMITED_RANGE",
};
const VideoSelectorType = {
    AUTO: "AUTO",
    STREAM: "STREAM",
};
const AccelerationMode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    PREFERRED: "PREFERRED",
};
const AccelerationStatus = {
    ACCELERATED: "ACCELERATED",
    IN_PROGRESS: "IN_PROGRESS",
    NOT_ACCELERATED: "NOT_ACCELERATED",
    NOT_APPLICABLE: "NOT_APPLICABLE",
};
const BillingTagsSource = {
    JOB: "JOB",
    JOB_TEMPLATE: "JOB_TEMPLATE",
    PRESET: "PRESET",
    QUEUE: "QUEUE",
};
const JobPhase = {
    PROBING: "PROBING",
    TRANSCODING: "TRANSCODING",
    UPLOADING: "UPLOADING",
};
const CopyProtectionAction = {
    PASSTHROUGH: "PASSTHROUGH",
    STRIP: "STRIP",
};
const VchipAction = {
    PASSTHROUGH: "PASSTHROUGH",
    STRIP: "STRIP",
};
const MotionImageInsertionMode = {
    MOV: "MOV",
    PNG: "PNG",
};
const MotionImagePlayback = {
    ONCE: "ONCE",
    REPEAT: "REPEAT",
};
const NielsenActiveWatermarkProcessType = {
    CBET: "CBET",
    NAES2_AND_NW: "NAES2_AND_NW",
    NAES2_AND_NW_AND_CBET: "NAES2_AND_NW_AND_CBET",
};
const NielsenSourceWatermarkStatusType = {
    CLEAN: "CLEAN",
    WATERMARKED: "WATERMARKED",
};
const NielsenUniqueTicPerAudioTrackType = {
    RESERVE_UNIQUE_TICS_PER_TRACK: "RESERVE_UNIQUE_TICS_PER_TRACK",
    SAME_TICS_PER_TRACK: "SAME_TICS_PER_TRACK",
};
const CmafClientCache = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const CmafCodecSpecification = {
    RFC_4281: "RFC_4281",
    RFC_6381: "RFC_6381",
};
const DashManifestStyle = {
    BASIC: "BASIC",
    COMPACT: "COMPACT",
    DISTINCT: "DISTINCT",
    FULL: "FULL",
};
const S3ObjectCannedAcl = {
    AUTHENTICATED_READ: "AUTHENTICATED_READ",
    BUCKET_OWNER_FULL_CONTROL: "BUCKET_OWNER_FULL_CONTROL",
    BUCKET_OWNER_READ: "BUCKET_OWNER_READ",
    PUBLIC_READ: "PUBLIC_READ",
};
const S3ServerSideEncryptionType = {
    SERVER_SIDE_ENCRYPTION_KMS: "SERVER_SIDE_ENCRYPTION_KMS",
    SERVER_SIDE_ENCRYPTION_S3: "SERVER_SIDE_ENCRYPTION_S3",
};
const S3StorageClass = {
    DEEP_ARCHIVE: "DEEP_ARCHIVE",
    GLACIER: "GLACIER",
    GLACIER_IR: "GLACIER_IR",
    INTELLIGENT_TIERING: "INTELLIGENT_TIERING",
    ONEZONE_IA: "ONEZONE_IA",
    REDUCED_REDUNDANCY: "REDUCED_REDUNDANCY",
    STANDARD: "STANDARD",
    STANDARD_IA: "STANDARD_IA",
};
const CmafEncryptionType = {
    AES_CTR: "AES_CTR",
    SAMPLE_AES: "SAMPLE_AES",
};
const CmafInitializationVectorInManifest = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const PresetSpeke20Audio = {
    PRESET_AUDIO_1: "PRESET_AUDIO_1",
    PRESET_AUDIO_2: "PRESET_AUDIO_2",
    PRESET_AUDIO_3: "PRESET_AUDIO_3",
    SHARED: "SHARED",
    UNENCRYPTED: "UNENCRYPTED",
};
const PresetSpeke20Video = {
    PRESET_VIDEO_1: "PRESET_VIDEO_1",
    PRESET_VIDEO_2: "PRESET_VIDEO_2",
    PRESET_VIDEO_3: "PRESET_VIDEO_3",
    PRESET_VIDEO_4: "PRESET_VIDEO_4",
    PRESET_VIDEO_5: "PRESET_VIDEO_5",
    PRESET_VIDEO_6: "PRESET_VIDEO_6",
    PRESET_VIDEO_7: "PRESET_VIDEO_7",
    PRESET_VIDEO_8: "PRESET_VIDEO_8",
    SHARED: "SHARED",
    UNENCRYPTED: "UNENCRYPTED",
};
const CmafKeyProviderType = {
    SPEKE: "SPEKE",
    STATIC_KEY: "STATIC_KEY",
};
const CmafImageBasedTrickPlay = {
    ADVANCED: "ADVANCED",
    NONE: "NONE",
    THUMBNAIL: "THUMBNAIL",
    THUMBNAIL_AND_FULLFRAME: "THUMBNAIL_AND_FULLFRAME",
    VARIANTS: "VARIANTS",
};
const CmafManifestCompression = {
    GZIP: "GZIP",
    NONE: "NONE",
};
const CmafManifestDurationFormat = {
    FLOATING_POINT: "FLOATING_POINT",
    INTEGER: "INTEGER",
};
const CmafMpdManifestBandwidthType = {
    AVERAGE: "AVERAGE",
    MAX: "MAX",
};
const CmafMpdProfile = {
    MAIN_PROFILE: "MAIN_PROFILE",
    ON_DEMAND_PROFILE: "ON_DEMAND_PROFILE",
};
const CmafPtsOffsetHandlingForBFrames = {
    MATCH_INITIAL_PTS: "MATCH_INITIAL_PTS",
    ZERO_BASED: "ZERO_BASED",
};
const CmafSegmentControl = {
    SEGMENTED_FILES: "SEGMENTED_FILES",
    SINGLE_FILE: "SINGLE_FILE",
};
const CmafSegmentLengthControl = {
    EXACT: "EXACT",
    GOP_MULTIPLE: "GOP_MULTIPLE",
    MATCH: "MATCH",
};
const CmafStreamInfResolution = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const CmafTargetDurationCompatibilityMode = {
    LEGACY: "LEGACY",
    SPEC_COMPLIANT: "SPEC_COMPLIANT",
};
const CmafVideoCompositionOffsets = {
    SIGNED: "SIGNED",
    UNSIGNED: "UNSIGNED",
};
const CmafWriteDASHManifest = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const CmafWriteHLSManifest = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const CmafWriteSegmentTimelineInRepresentation = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const DashIsoGroupAudioChannelConfigSchemeIdUri = {
    DOLBY_CHANNEL_CONFIGURATION: "DOLBY_CHANNEL_CONFIGURATION",
    MPEG_CHANNEL_CONFIGURATION: "MPEG_CHANNEL_CONFIGURATION",
};
const DashIsoPlaybackDeviceCompatibility = {
    CENC_V1: "CENC_V1",
    CENC_V1_UNENCRYPTED_HEADERS: "CENC_V1_UNENCRYPTED_HEADERS",
    UNENCRYPTED_SEI: "UNENCRYPTED_SEI",
};
const DashIsoHbbtvCompliance = {
    HBBTV_1_5: "HBBTV_1_5",
    NONE: "NONE",
};
const DashIsoImageBasedTrickPlay = {
    ADVANCED: "ADVANCED",
    NONE: "NONE",
    THUMBNAIL: "THUMBNAIL",
    THUMBNAIL_AND_FULLFRAME: "THUMBNAIL_AND_FULLFRAME",
    VARIANTS: "VARIANTS",
};
const DashIsoMpdManifestBandwidthType = {
    AVERAGE: "AVERAGE",
    MAX: "MAX",
};
const DashIsoMpdProfile = {
    MAIN_PROFILE: "MAIN_PROFILE",
    ON_DEMAND_PROFILE: "ON_DEMAND_PROFILE",
};
const DashIsoPtsOffsetHandlingForBFrames = {
    MATCH_INITIAL_PTS: "MATCH_INITIAL_PTS",
    ZERO_BASED: "ZERO_BASED",
};
const DashIsoSegmentControl = {
    SEGMENTED_FILES: "SEGMENTED_FILES",
    SINGLE_FILE: "SINGLE_FILE",
};
const DashIsoSegmentLengthControl = {
    EXACT: "EXACT",
    GOP_MULTIPLE: "GOP_MULTIPLE",
    MATCH: "MATCH",
};
const DashIsoVideoCompositionOffsets = {
    SIGNED: "SIGNED",
    UNSIGNED: "UNSIGNED",
};
const DashIsoWriteSegmentTimelineInRepresentation = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const HlsAudioOnlyHeader = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const HlsCaptionLanguageSetting = {
    INSERT: "INSERT",
    NONE: "NONE",
    OMIT: "OMIT",
};
const HlsCaptionSegmentLengthControl = {
    LARGE_SEGMENTS: "LARGE_SEGMENTS",
    MATCH_VIDEO: "MATCH_VIDEO",
};
const HlsClientCache = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const HlsCodecSpecification = {
    RFC_4281: "RFC_4281",
    RFC_6381: "RFC_6381",
};
const HlsDirectoryStructure = {
    SINGLE_DIRECTORY: "SINGLE_DIRECTORY",
    SUBDIRECTORY_PER_STREAM: "SUBDIRECTORY_PER_STREAM",
};
const HlsEncryptionType = {
    AES128: "AES128",
    SAMPLE_AES: "SAMPLE_AES",
};
const HlsInitializationVectorInManifest = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const HlsOfflineEncrypted = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const HlsKeyProviderType = {
    SPEKE: "SPEKE",
    STATIC_KEY: "STATIC_KEY",
};
const HlsImageBasedTrickPlay = {
    ADVANCED: "ADVANCED",
    NONE: "NONE",
    THUMBNAIL: "THUMBNAIL",
    THUMBNAIL_AND_FULLFRAME: "THUMBNAIL_AND_FULLFRAME",
    VARIANTS: "VARIANTS",
};
const HlsManifestCompression = {
    GZIP: "GZIP",
    NONE: "NONE",
};
const HlsManifestDurationFormat = {
    FLOATING_POINT: "FLOATING_POINT",
    INTEGER: "INTEGER",
};
const HlsOutputSelection = {
    MANIFESTS_AND_SEGMENTS: "MANIFESTS_AND_SEGMENTS",
    SEGMENTS_ONLY: "SEGMENTS_ONLY",
};
const HlsProgramDateTime = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const HlsProgressiveWriteHlsManifest = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const HlsSegmentControl = {
    SEGMENTED_FILES: "SEGMENTED_FILES",
    SINGLE_FILE: "SINGLE_FILE",
};
const HlsSegmentLengthControl = {
    EXACT: "EXACT",
    GOP_MULTIPLE: "GOP_MULTIPLE",
    MATCH: "MATCH",
};
const HlsStreamInfResolution = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const HlsTargetDurationCompatibilityMode = {
    LEGACY: "LEGACY",
    SPEC_COMPLIANT: "SPEC_COMPLIANT",
};
const HlsTimedMetadataId3Frame = {
    NONE: "NONE",
    PRIV: "PRIV",
    TDRL: "TDRL",
};
const MsSmoothAudioDeduplication = {
    COMBINE_DUPLICATE_STREAMS: "COMBINE_DUPLICATE_STREAMS",
    NONE: "NONE",
};
const MsSmoothFragmentLengthControl = {
    EXACT: "EXACT",
    GOP_MULTIPLE: "GOP_MULTIPLE",
};
const MsSmoothManifestEncoding = {
    UTF16: "UTF16",
    UTF8: "UTF8",
};
const OutputGroupType = {
    CMAF_GROUP_SETTINGS: "CMAF_GROUP_SETTINGS",
    DASH_ISO_GROUP_SETTINGS: "DASH_ISO_GROUP_SETTINGS",
    FILE_GROUP_SETTINGS: "FILE_GROUP_SETTINGS",
    HLS_GROUP_SETTINGS: "HLS_GROUP_SETTINGS",
    MS_SMOOTH_GROUP_SETTINGS: "MS_SMOOTH_GROUP_SETTINGS",
};
const CmfcAudioDuration = {
    DEFAULT_CODEC_DURATION: "DEFAULT_CODEC_DURATION",
    MATCH_VIDEO_DURATION: "MATCH_VIDEO_DURATION",
};
const CmfcAudioTrackType = {
    ALTERNATE_AUDIO_AUTO_SELECT: "ALTERNATE_AUDIO_AUTO_SELECT",
    ALTERNATE_AUDIO_AUTO_SELECT_DEFAULT: "ALTERNATE_AUDIO_AUTO_SELECT_DEFAULT",
    ALTERNATE_AUDIO_NOT_AUTO_SELECT: "ALTERNATE_AUDIO_NOT_AUTO_SELECT",
    AUDIO_ONLY_VARIANT_STREAM: "AUDIO_ONLY_VARIANT_STREAM",
};
const CmfcC2paManifest = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const CmfcDescriptiveVideoServiceFlag = {
    DONT_FLAG: "DONT_FLAG",
    FLAG: "FLAG",
};
const CmfcIFrameOnlyManifest = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const CmfcKlvMetadata = {
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const CmfcManifestMetadataSignaling = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const CmfcScte35Esam = {
    INSERT: "INSERT",
    NONE: "NONE",
};
const CmfcScte35Source = {
    MANIFEST_CUES: "MANIFEST_CUES",
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const CmfcTimedMetadata = {
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const CmfcTimedMetadataBoxVersion = {
    VERSION_0: "VERSION_0",
    VERSION_1: "VERSION_1",
};
const ContainerType = {
    CMFC: "CMFC",
    F4V: "F4V",
    GIF: "GIF",
    ISMV: "ISMV",
    M2TS: "M2TS",
    M3U8: "M3U8",
    MOV: "MOV",
    MP4: "MP4",
    MPD: "MPD",
    MXF: "MXF",
    OGG: "OGG",
    RAW: "RAW",
    WEBM: "WEBM",
    Y4M: "Y4M",
};
const F4vMoovPlacement = {
    NORMAL: "NORMAL",
    PROGRESSIVE_DOWNLOAD: "PROGRESSIVE_DOWNLOAD",
};
const M2tsAudioBufferModel = {
    ATSC: "ATSC",
    DVB: "DVB",
};
const M2tsAudioDuration = {
    DEFAULT_CODEC_DURATION: "DEFAULT_CODEC_DURATION",
    MATCH_VIDEO_DURATION: "MATCH_VIDEO_DURATION",
};
const M2tsBufferModel = {
    MULTIPLEX: "MULTIPLEX",
    NONE: "NONE",
};
const M2tsDataPtsControl = {
    ALIGN_TO_VIDEO: "ALIGN_TO_VIDEO",
    AUTO: "AUTO",
};
const OutputSdt = {
    SDT_FOLLOW: "SDT_FOLLOW",
    SDT_FOLLOW_IF_PRESENT: "SDT_FOLLOW_IF_PRESENT",
    SDT_MANUAL: "SDT_MANUAL",
    SDT_NONE: "SDT_NONE",
};
const M2tsEbpAudioInterval = {
    VIDEO_AND_FIXED_INTERVALS: "VIDEO_AND_FIXED_INTERVALS",
    VIDEO_INTERVAL: "VIDEO_INTERVAL",
};
const M2tsEbpPlacement = {
    VIDEO_AND_AUDIO_PIDS: "VIDEO_AND_AUDIO_PIDS",
    VIDEO_PID: "VIDEO_PID",
};
const M2tsEsRateInPes = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const M2tsForceTsVideoEbpOrder = {
    DEFAULT: "DEFAULT",
    FORCE: "FORCE",
};
const M2tsKlvMetadata = {
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const M2tsNielsenId3 = {
    INSERT: "INSERT",
    NONE: "NONE",
};
const M2tsPcrControl = {
    CONFIGURED_PCR_PERIOD: "CONFIGURED_PCR_PERIOD",
    PCR_EVERY_PES_PACKET: "PCR_EVERY_PES_PACKET",
};
const M2tsPreventBufferUnderflow = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const TsPtsOffset = {
    AUTO: "AUTO",
    MILLISECONDS: "MILLISECONDS",
    SECONDS: "SECONDS",
};
const M2tsRateMode = {
    CBR: "CBR",
    VBR: "VBR",
};
const M2tsScte35Source = {
    MANIFEST_CUES: "MANIFEST_CUES",
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const M2tsSegmentationMarkers = {
    EBP: "EBP",
    EBP_LEGACY: "EBP_LEGACY",
    NONE: "NONE",
    PSI_SEGSTART: "PSI_SEGSTART",
    RAI_ADAPT: "RAI_ADAPT",
    RAI_SEGSTART: "RAI_SEGSTART",
};
const M2tsSegmentationStyle = {
    MAINTAIN_CADENCE: "MAINTAIN_CADENCE",
    RESET_CADENCE: "RESET_CADENCE",
};
const M3u8AudioDuration = {
    DEFAULT_CODEC_DURATION: "DEFAULT_CODEC_DURATION",
    MATCH_VIDEO_DURATION: "MATCH_VIDEO_DURATION",
};
const M3u8DataPtsControl = {
    ALIGN_TO_VIDEO: "ALIGN_TO_VIDEO",
    AUTO: "AUTO",
};
const M3u8NielsenId3 = {
    INSERT: "INSERT",
    NONE: "NONE",
};
const M3u8PcrControl = {
    CONFIGURED_PCR_PERIOD: "CONFIGURED_PCR_PERIOD",
    PCR_EVERY_PES_PACKET: "PCR_EVERY_PES_PACKET",
};
const M3u8Scte35Source = {
    MANIFEST_CUES: "MANIFEST_CUES",
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const TimedMetadata = {
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const MovClapAtom = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const MovCslgAtom = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const MovMpeg2FourCCControl = {
    MPEG: "MPEG",
    XDCAM: "XDCAM",
};
const MovPaddingControl = {
    NONE: "NONE",
    OMNEON: "OMNEON",
};
const MovReference = {
    EXTERNAL: "EXTERNAL",
    SELF_CONTAINED: "SELF_CONTAINED",
};
const Mp4C2paManifest = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const Mp4CslgAtom = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const Mp4FreeSpaceBox = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const Mp4MoovPlacement = {
    NORMAL: "NORMAL",
    PROGRESSIVE_DOWNLOAD: "PROGRESSIVE_DOWNLOAD",
};
const MpdAccessibilityCaptionHints = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const MpdAudioDuration = {
    DEFAULT_CODEC_DURATION: "DEFAULT_CODEC_DURATION",
    MATCH_VIDEO_DURATION: "MATCH_VIDEO_DURATION",
};
const MpdC2paManifest = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
};
const MpdCaptionContainerType = {
    FRAGMENTED_MP4: "FRAGMENTED_MP4",
    RAW: "RAW",
};
const MpdKlvMetadata = {
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const MpdManifestMetadataSignaling = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const MpdScte35Esam = {
    INSERT: "INSERT",
    NONE: "NONE",
};
const MpdScte35Source = {
    MANIFEST_CUES: "MANIFEST_CUES",
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const MpdTimedMetadata = {
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
};
const MpdTimedMetadataBoxVersion = {
    VERSION_0: "VERSION_0",
    VERSION_1: "VERSION_1",
};
const MxfAfdSignaling = {
    COPY_FROM_VIDEO: "COPY_FROM_VIDEO",
    NO_COPY: "NO_COPY",
};
const MxfProfile = {
    D_10: "D_10",
    OP1A: "OP1A",
    XAVC: "XAVC",
    XDCAM: "XDCAM",
    XDCAM_RDD9: "XDCAM_RDD9",
};
const MxfUncompressedAudioWrapping = {
    AES3: "AES3",
    AUTO: "AUTO",
};
const MxfXavcDurationMode = {
    ALLOW_ANY_DURATION: "ALLOW_ANY_DURATION",
    DROP_FRAMES_FOR_COMPLIANCE: "DROP_FRAMES_FOR_COMPLIANCE",
};
const HlsAudioOnlyContainer = {
    AUTOMATIC: "AUTOMATIC",
    M2TS: "M2TS",
};
const HlsAudioTrackType = {
    ALTERNATE_AUDIO_AUTO_SELECT: "ALTERNATE_AUDIO_AUTO_SELECT",
    ALTERNATE_AUDIO_AUTO_SELECT_DEFAULT: "ALTERNATE_AUDIO_AUTO_SELECT_DEFAULT",
    ALTERNATE_AUDIO_NOT_AUTO_SELECT: "ALTERNATE_AUDIO_NOT_AUTO_SELECT",
    AUDIO_ONLY_VARIANT_STREAM: "AUDIO_ONLY_VARIANT_STREAM",
};
const HlsDescriptiveVideoServiceFlag = {
    DONT_FLAG: "DONT_FLAG",
    FLAG: "FLAG",
};
const HlsIFrameOnlyManifest = {
    EXCLUDE: "EXCLUDE",
    INCLUDE: "INCLUDE",
    INCLUDE_AS_TS: "INCLUDE_AS_TS",
};
const AfdSignaling = {
    AUTO: "AUTO",
    FIXED: "FIXED",
    NONE: "NONE",
};
const AntiAlias = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const ChromaPositionMode = {
    AUTO: "AUTO",
    FORCE_CENTER: "FORCE_CENTER",
    FORCE_TOP_LEFT: "FORCE_TOP_LEFT",
};
const Av1AdaptiveQuantization = {
    HIGH: "HIGH",
    HIGHER: "HIGHER",
    LOW: "LOW",
    MAX: "MAX",
    MEDIUM: "MEDIUM",
    OFF: "OFF",
};
const Av1BitDepth = {
    BIT_10: "BIT_10",
    BIT_8: "BIT_8",
};
const Av1FilmGrainSynthesis = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Av1FramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Av1FramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const Av1RateControlMode = {
    CBR: "CBR",
    QVBR: "QVBR",
};
const Av1SceneChangeDetect = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    TRANSITION_DETECTION: "TRANSITION_DETECTION",
};
const Av1SpatialAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AvcIntraClass = {
    CLASS_100: "CLASS_100",
    CLASS_200: "CLASS_200",
    CLASS_4K_2K: "CLASS_4K_2K",
    CLASS_50: "CLASS_50",
};
const AvcIntraUhdQualityTuningLevel = {
    MULTI_PASS: "MULTI_PASS",
    SINGLE_PASS: "SINGLE_PASS",
};
const AvcIntraFramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const AvcIntraFramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const AvcIntraInterlaceMode = {
    BOTTOM_FIELD: "BOTTOM_FIELD",
    FOLLOW_BOTTOM_FIELD: "FOLLOW_BOTTOM_FIELD",
    FOLLOW_TOP_FIELD: "FOLLOW_TOP_FIELD",
    PROGRESSIVE: "PROGRESSIVE",
    TOP_FIELD: "TOP_FIELD",
};
const AvcIntraScanTypeConversionMode = {
    INTERLACED: "INTERLACED",
    INTERLACED_OPTIMIZE: "INTERLACED_OPTIMIZE",
};
const AvcIntraSlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AvcIntraTelecine = {
    HARD: "HARD",
    NONE: "NONE",
};
const VideoCodec = {
    AV1: "AV1",
    AVC_INTRA: "AVC_INTRA",
    FRAME_CAPTURE: "FRAME_CAPTURE",
    GIF: "GIF",
    H_264: "H_264",
    H_265: "H_265",
    MPEG2: "MPEG2",
    PASSTHROUGH: "PASSTHROUGH",
    PRORES: "PRORES",
    UNCOMPRESSED: "UNCOMPRESSED",
    VC3: "VC3",
    VP8: "VP8",
    VP9: "VP9",
    XAVC: "XAVC",
};
const GifFramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const GifFramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    INTERPOLATE: "INTERPOLATE",
};
const H264AdaptiveQuantization = {
    AUTO: "AUTO",
    HIGH: "HIGH",
    HIGHER: "HIGHER",
    LOW: "LOW",
    MAX: "MAX",
    MEDIUM: "MEDIUM",
    OFF: "OFF",
};
const BandwidthReductionFilterSharpening = {
    HIGH: "HIGH",
    LOW: "LOW",
    MEDIUM: "MEDIUM",
    OFF: "OFF",
};
const BandwidthReductionFilterStrength = {
    AUTO: "AUTO",
    HIGH: "HIGH",
    LOW: "LOW",
    MEDIUM: "MEDIUM",
    OFF: "OFF",
};
const H264CodecLevel = {
    AUTO: "AUTO",
    LEVEL_1: "LEVEL_1",
    LEVEL_1_1: "LEVEL_1_1",
    LEVEL_1_2: "LEVEL_1_2",
    LEVEL_1_3: "LEVEL_1_3",
    LEVEL_2: "LEVEL_2",
    LEVEL_2_1: "LEVEL_2_1",
    LEVEL_2_2: "LEVEL_2_2",
    LEVEL_3: "LEVEL_3",
    LEVEL_3_1: "LEVEL_3_1",
    LEVEL_3_2: "LEVEL_3_2",
    LEVEL_4: "LEVEL_4",
    LEVEL_4_1: "LEVEL_4_1",
    LEVEL_4_2: "LEVEL_4_2",
    LEVEL_5: "LEVEL_5",
    LEVEL_5_1: "LEVEL_5_1",
    LEVEL_5_2: "LEVEL_5_2",
};
const H264CodecProfile = {
    BASELINE: "BASELINE",
    HIGH: "HIGH",
    HIGH_10BIT: "HIGH_10BIT",
    HIGH_422: "HIGH_422",
    HIGH_422_10BIT: "HIGH_422_10BIT",
    MAIN: "MAIN",
};
const H264DynamicSubGop = {
    ADAPTIVE: "ADAPTIVE",
    STATIC: "STATIC",
};
const H264EndOfStreamMarkers = {
    INCLUDE: "INCLUDE",
    SUPPRESS: "SUPPRESS",
};
const H264EntropyEncoding = {
    CABAC: "CABAC",
    CAVLC: "CAVLC",
};
const H264ExplicitWeightedPrediction = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264FieldEncoding = {
    FORCE_FIELD: "FORCE_FIELD",
    MBAFF: "MBAFF",
    PAFF: "PAFF",
};
const H264FlickerAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264FramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const H264FramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const H264GopBReference = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264GopSizeUnits = {
    AUTO: "AUTO",
    FRAMES: "FRAMES",
    SECONDS: "SECONDS",
};
const H264InterlaceMode = {
    BOTTOM_FIELD: "BOTTOM_FIELD",
    FOLLOW_BOTTOM_FIELD: "FOLLOW_BOTTOM_FIELD",
    FOLLOW_TOP_FIELD: "FOLLOW_TOP_FIELD",
    PROGRESSIVE: "PROGRESSIVE",
    TOP_FIELD: "TOP_FIELD",
};
const H264ParControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const H264QualityTuningLevel = {
    MULTI_PASS_HQ: "MULTI_PASS_HQ",
    SINGLE_PASS: "SINGLE_PASS",
    SINGLE_PASS_HQ: "SINGLE_PASS_HQ",
};
const H264RateControlMode = {
    CBR: "CBR",
    QVBR: "QVBR",
    VBR: "VBR",
};
const H264RepeatPps = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264SaliencyAwareEncoding = {
    DISABLED: "DISABLED",
    PREFERRED: "PREFERRED",
};
const H264ScanTypeConversionMode = {
    INTERLACED: "INTERLACED",
    INTERLACED_OPTIMIZE: "INTERLACED_OPTIMIZE",
};
const H264SceneChangeDetect = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    TRANSITION_DETECTION: "TRANSITION_DETECTION",
};
const H264SlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264SpatialAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264Syntax = {
    DEFAULT: "DEFAULT",
    RP2027: "RP2027",
};
const H264Telecine = {
    HARD: "HARD",
    NONE: "NONE",
    SOFT: "SOFT",
};
const H264TemporalAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264UnregisteredSeiTimecode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H264WriteMp4PackagingType = {
    AVC1: "AVC1",
    AVC3: "AVC3",
};
const H265AdaptiveQuantization = {
    AUTO: "AUTO",
    HIGH: "HIGH",
    HIGHER: "HIGHER",
    LOW: "LOW",
    MAX: "MAX",
    MEDIUM: "MEDIUM",
    OFF: "OFF",
};
const H265AlternateTransferFunctionSei = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265CodecLevel = {
    AUTO: "AUTO",
    LEVEL_1: "LEVEL_1",
    LEVEL_2: "LEVEL_2",
    LEVEL_2_1: "LEVEL_2_1",
    LEVEL_3: "LEVEL_3",
    LEVEL_3_1: "LEVEL_3_1",
    LEVEL_4: "LEVEL_4",
    LEVEL_4_1: "LEVEL_4_1",
    LEVEL_5: "LEVEL_5",
    LEVEL_5_1: "LEVEL_5_1",
    LEVEL_5_2: "LEVEL_5_2",
    LEVEL_6: "LEVEL_6",
    LEVEL_6_1: "LEVEL_6_1",
    LEVEL_6_2: "LEVEL_6_2",
};
const H265CodecProfile = {
    MAIN10_HIGH: "MAIN10_HIGH",
    MAIN10_MAIN: "MAIN10_MAIN",
    MAIN_422_10BIT_HIGH: "MAIN_422_10BIT_HIGH",
    MAIN_422_10BIT_MAIN: "MAIN_422_10BIT_MAIN",
    MAIN_422_8BIT_HIGH: "MAIN_422_8BIT_HIGH",
    MAIN_422_8BIT_MAIN: "MAIN_422_8BIT_MAIN",
    MAIN_HIGH: "MAIN_HIGH",
    MAIN_MAIN: "MAIN_MAIN",
};
const H265Deblocking = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265DynamicSubGop = {
    ADAPTIVE: "ADAPTIVE",
    STATIC: "STATIC",
};
const H265EndOfStreamMarkers = {
    INCLUDE: "INCLUDE",
    SUPPRESS: "SUPPRESS",
};
const H265FlickerAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265FramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const H265FramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const H265GopBReference = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265GopSizeUnits = {
    AUTO: "AUTO",
    FRAMES: "FRAMES",
    SECONDS: "SECONDS",
};
const H265InterlaceMode = {
    BOTTOM_FIELD: "BOTTOM_FIELD",
    FOLLOW_BOTTOM_FIELD: "FOLLOW_BOTTOM_FIELD",
    FOLLOW_TOP_FIELD: "FOLLOW_TOP_FIELD",
    PROGRESSIVE: "PROGRESSIVE",
    TOP_FIELD: "TOP_FIELD",
};
const H265MvOverPictureBoundaries = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265MvTemporalPredictor = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265ParControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const H265QualityTuningLevel = {
    MULTI_PASS_HQ: "MULTI_PASS_HQ",
    SINGLE_PASS: "SINGLE_PASS",
    SINGLE_PASS_HQ: "SINGLE_PASS_HQ",
};
const H265RateControlMode = {
    CBR: "CBR",
    QVBR: "QVBR",
    VBR: "VBR",
};
const H265SampleAdaptiveOffsetFilterMode = {
    ADAPTIVE: "ADAPTIVE",
    DEFAULT: "DEFAULT",
    OFF: "OFF",
};
const H265ScanTypeConversionMode = {
    INTERLACED: "INTERLACED",
    INTERLACED_OPTIMIZE: "INTERLACED_OPTIMIZE",
};
const H265SceneChangeDetect = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
    TRANSITION_DETECTION: "TRANSITION_DETECTION",
};
const H265SlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265SpatialAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265Telecine = {
    HARD: "HARD",
    NONE: "NONE",
    SOFT: "SOFT",
};
const H265TemporalAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265TemporalIds = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265TilePadding = {
    NONE: "NONE",
    PADDED: "PADDED",
};
const H265Tiles = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265TreeBlockSize = {
    AUTO: "AUTO",
    TREE_SIZE_32X32: "TREE_SIZE_32X32",
};
const H265UnregisteredSeiTimecode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const H265WriteMp4PackagingType = {
    HEV1: "HEV1",
    HVC1: "HVC1",
};
const Mpeg2AdaptiveQuantization = {
    HIGH: "HIGH",
    LOW: "LOW",
    MEDIUM: "MEDIUM",
    OFF: "OFF",
};
const Mpeg2CodecLevel = {
    AUTO: "AUTO",
    HIGH: "HIGH",
    HIGH1440: "HIGH1440",
    LOW: "LOW",
    MAIN: "MAIN",
};
const Mpeg2CodecProfile = {
    MAIN: "MAIN",
    PROFILE_422: "PROFILE_422",
};
const Mpeg2DynamicSubGop = {
    ADAPTIVE: "ADAPTIVE",
    STATIC: "STATIC",
};
const Mpeg2FramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Mpeg2FramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const Mpeg2GopSizeUnits = {
    FRAMES: "FRAMES",
    SECONDS: "SECONDS",
};
const Mpeg2InterlaceMode = {
    BOTTOM_FIELD: "BOTTOM_FIELD",
    FOLLOW_BOTTOM_FIELD: "FOLLOW_BOTTOM_FIELD",
    FOLLOW_TOP_FIELD: "FOLLOW_TOP_FIELD",
    PROGRESSIVE: "PROGRESSIVE",
    TOP_FIELD: "TOP_FIELD",
};
const Mpeg2IntraDcPrecision = {
    AUTO: "AUTO",
    INTRA_DC_PRECISION_10: "INTRA_DC_PRECISION_10",
    INTRA_DC_PRECISION_11: "INTRA_DC_PRECISION_11",
    INTRA_DC_PRECISION_8: "INTRA_DC_PRECISION_8",
    INTRA_DC_PRECISION_9: "INTRA_DC_PRECISION_9",
};
const Mpeg2ParControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Mpeg2QualityTuningLevel = {
    MULTI_PASS: "MULTI_PASS",
    SINGLE_PASS: "SINGLE_PASS",
};
const Mpeg2RateControlMode = {
    CBR: "CBR",
    VBR: "VBR",
};
const Mpeg2ScanTypeConversionMode = {
    INTERLACED: "INTERLACED",
    INTERLACED_OPTIMIZE: "INTERLACED_OPTIMIZE",
};
const Mpeg2SceneChangeDetect = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Mpeg2SlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Mpeg2SpatialAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Mpeg2Syntax = {
    DEFAULT: "DEFAULT",
    D_10: "D_10",
};
const Mpeg2Telecine = {
    HARD: "HARD",
    NONE: "NONE",
    SOFT: "SOFT",
};
const Mpeg2TemporalAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const FrameControl = {
    NEAREST_IDRFRAME: "NEAREST_IDRFRAME",
    NEAREST_IFRAME: "NEAREST_IFRAME",
};
const PassthroughSegmentationMode = {
    AUTO: "AUTO",
    DURATION_BASED: "DURATION_BASED",
    GOP_COUNT: "GOP_COUNT",
};
const VideoSelectorMode = {
    AUTO: "AUTO",
    REMUX_ALL: "REMUX_ALL",
};
const ProresChromaSampling = {
    PRESERVE_444_SAMPLING: "PRESERVE_444_SAMPLING",
    SUBSAMPLE_TO_422: "SUBSAMPLE_TO_422",
};
const ProresCodecProfile = {
    APPLE_PRORES_422: "APPLE_PRORES_422",
    APPLE_PRORES_422_HQ: "APPLE_PRORES_422_HQ",
    APPLE_PRORES_422_LT: "APPLE_PRORES_422_LT",
    APPLE_PRORES_422_PROXY: "APPLE_PRORES_422_PROXY",
    APPLE_PRORES_4444: "APPLE_PRORES_4444",
    APPLE_PRORES_4444_XQ: "APPLE_PRORES_4444_XQ",
};
const ProresFramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const ProresFramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const ProresInterlaceMode = {
    BOTTOM_FIELD: "BOTTOM_FIELD",
    FOLLOW_BOTTOM_FIELD: "FOLLOW_BOTTOM_FIELD",
    FOLLOW_TOP_FIELD: "FOLLOW_TOP_FIELD",
    PROGRESSIVE: "PROGRESSIVE",
    TOP_FIELD: "TOP_FIELD",
};
const ProresParControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const ProresScanTypeConversionMode = {
    INTERLACED: "INTERLACED",
    INTERLACED_OPTIMIZE: "INTERLACED_OPTIMIZE",
};
const ProresSlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const ProresTelecine = {
    HARD: "HARD",
    NONE: "NONE",
};
const UncompressedFourcc = {
    I420: "I420",
    I422: "I422",
    I444: "I444",
};
const UncompressedFramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const UncompressedFramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const UncompressedInterlaceMode = {
    INTERLACED: "INTERLACED",
    PROGRESSIVE: "PROGRESSIVE",
};
const UncompressedScanTypeConversionMode = {
    INTERLACED: "INTERLACED",
    INTERLACED_OPTIMIZE: "INTERLACED_OPTIMIZE",
};
const UncompressedSlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const UncompressedTelecine = {
    HARD: "HARD",
    NONE: "NONE",
};
const Vc3FramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Vc3FramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const Vc3InterlaceMode = {
    INTERLACED: "INTERLACED",
    PROGRESSIVE: "PROGRESSIVE",
};
const Vc3ScanTypeConversionMode = {
    INTERLACED: "INTERLACED",
    INTERLACED_OPTIMIZE: "INTERLACED_OPTIMIZE",
};
const Vc3SlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Vc3Telecine = {
    HARD: "HARD",
    NONE: "NONE",
};
const Vc3Class = {
    CLASS_145_8BIT: "CLASS_145_8BIT",
    CLASS_220_10BIT: "CLASS_220_10BIT",
    CLASS_220_8BIT: "CLASS_220_8BIT",
};
const Vp8FramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Vp8FramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const Vp8ParControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Vp8QualityTuningLevel = {
    MULTI_PASS: "MULTI_PASS",
    MULTI_PASS_HQ: "MULTI_PASS_HQ",
};
const Vp8RateControlMode = {
    VBR: "VBR",
};
const Vp9FramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Vp9FramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const Vp9ParControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const Vp9QualityTuningLevel = {
    MULTI_PASS: "MULTI_PASS",
    MULTI_PASS_HQ: "MULTI_PASS_HQ",
};
const Vp9RateControlMode = {
    VBR: "VBR",
};
const XavcAdaptiveQuantization = {
    AUTO: "AUTO",
    HIGH: "HIGH",
    HIGHER: "HIGHER",
    LOW: "LOW",
    MAX: "MAX",
    MEDIUM: "MEDIUM",
    OFF: "OFF",
};
const XavcEntropyEncoding = {
    AUTO: "AUTO",
    CABAC: "CABAC",
    CAVLC: "CAVLC",
};
const XavcFramerateControl = {
    INITIALIZE_FROM_SOURCE: "INITIALIZE_FROM_SOURCE",
    SPECIFIED: "SPECIFIED",
};
const XavcFramerateConversionAlgorithm = {
    DUPLICATE_DROP: "DUPLICATE_DROP",
    FRAMEFORMER: "FRAMEFORMER",
    INTERPOLATE: "INTERPOLATE",
    MAINTAIN_FRAME_COUNT: "MAINTAIN_FRAME_COUNT",
};
const XavcProfile = {
    XAVC_4K: "XAVC_4K",
    XAVC_4K_INTRA_CBG: "XAVC_4K_INTRA_CBG",
    XAVC_4K_INTRA_VBR: "XAVC_4K_INTRA_VBR",
    XAVC_HD: "XAVC_HD",
    XAVC_HD_INTRA_CBG: "XAVC_HD_INTRA_CBG",
};
const XavcSlowPal = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const XavcSpatialAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const XavcTemporalAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Xavc4kIntraCbgProfileClass = {
    CLASS_100: "CLASS_100",
    CLASS_300: "CLASS_300",
    CLASS_480: "CLASS_480",
};
const Xavc4kIntraVbrProfileClass = {
    CLASS_100: "CLASS_100",
    CLASS_300: "CLASS_300",
    CLASS_480: "CLASS_480",
};
const Xavc4kProfileBitrateClass = {
    BITRATE_CLASS_100: "BITRATE_CLASS_100",
    BITRATE_CLASS_140: "BITRATE_CLASS_140",
    BITRATE_CLASS_200: "BITRATE_CLASS_200",
};
const Xavc4kProfileCodecProfile = {
    HIGH: "HIGH",
    HIGH_422: "HIGH_422",
};
const XavcFlickerAdaptiveQuantization = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const XavcGopBReference = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const Xavc4kProfileQualityTuningLevel = {
    MULTI_PASS_HQ: "MULTI_PASS_HQ",
    SINGLE_PASS: "SINGLE_PASS",
    SINGLE_PASS_HQ: "SINGLE_PASS_HQ",
};
const XavcInterlaceMode = {
    BOTTOM_FIELD: "BOTTOM_FIELD",
    FOLLOW_BOTTOM_FIELD: "FOLLOW_BOTTOM_FIELD",
    FOLLOW_TOP_FIELD: "FOLLOW_TOP_FIELD",
    PROGRESSIVE: "PROGRESSIVE",
    TOP_FIELD: "TOP_FIELD",
};
const XavcHdIntraCbgProfileClass = {
    CLASS_100: "CLASS_100",
    CLASS_200: "CLASS_200",
    CLASS_50: "CLASS_50",
};
const XavcHdProfileBitrateClass = {
    BITRATE_CLASS_25: "BITRATE_CLASS_25",
    BITRATE_CLASS_35: "BITRATE_CLASS_35",
    BITRATE_CLASS_50: "BITRATE_CLASS_50",
};
const XavcHdProfileQualityTuningLevel = {
    MULTI_PASS_HQ: "MULTI_PASS_HQ",
    SINGLE_PASS: "SINGLE_PASS",
    SINGLE_PASS_HQ: "SINGLE_PASS_HQ",
};
const XavcHdProfileTelecine = {
    HARD: "HARD",
    NONE: "NONE",
};
const ColorMetadata = {
    IGNORE: "IGNORE",
    INSERT: "INSERT",
};
const DropFrameTimecode = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const RespondToAfd = {
    NONE: "NONE",
    PASSTHROUGH: "PASSTHROUGH",
    RESPOND: "RESPOND",
};
const ScalingBehavior = {
    DEFAULT: "DEFAULT",
    FILL: "FILL",
    FIT: "FIT",
    FIT_NO_UPSCALE: "FIT_NO_UPSCALE",
    SMART_CROP: "SMART_CROP",
    STRETCH_TO_OUTPUT: "STRETCH_TO_OUTPUT",
};
const VideoTimecodeInsertion = {
    DISABLED: "DISABLED",
    PIC_TIMING_SEI: "PIC_TIMING_SEI",
};
const TimecodeTrack = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const ColorSpaceConversion = {
    FORCE_601: "FORCE_601",
    FORCE_709: "FORCE_709",
    FORCE_HDR10: "FORCE_HDR10",
    FORCE_HLG_2020: "FORCE_HLG_2020",
    FORCE_P3D65_HDR: "FORCE_P3D65_HDR",
    FORCE_P3D65_SDR: "FORCE_P3D65_SDR",
    FORCE_P3DCI: "FORCE_P3DCI",
    NONE: "NONE",
};
const HDRToSDRToneMapper = {
    PRESERVE_DETAILS: "PRESERVE_DETAILS",
    VIBRANT: "VIBRANT",
};
const SampleRangeConversion = {
    LIMITED_RANGE_CLIP: "LIMITED_RANGE_CLIP",
    LIMITED_RANGE_SQUEEZE: "LIMITED_RANGE_SQUEEZE",
    NONE: "NONE",
};
const DeinterlaceAlgorithm = {
    BLEND: "BLEND",
    BLEND_TICKER: "BLEND_TICKER",
    INTERPOLATE: "INTERPOLATE",
    INTERPOLATE_TICKER: "INTERPOLATE_TICKER",
    LINEAR_INTERPOLATION: "LINEAR_INTERPOLATION",
};
const DeinterlacerControl = {
    FORCE_ALL_FRAMES: "FORCE_ALL_FRAMES",
    NORMAL: "NORMAL",
};
const DeinterlacerMode = {
    ADAPTIVE: "ADAPTIVE",
    DEINTERLACE: "DEINTERLACE",
    INVERSE_TELECINE: "INVERSE_TELECINE",
};
const DolbyVisionCompatibility = {
    DUPLICATE_STREAM: "DUPLICATE_STREAM",
    SUPPLEMENTAL_CODECS: "SUPPLEMENTAL_CODECS",
};
const DolbyVisionLevel6Mode = {
    PASSTHROUGH: "PASSTHROUGH",
    RECALCULATE: "RECALCULATE",
    SPECIFY: "SPECIFY",
};
const DolbyVisionMapping = {
    HDR10_1000: "HDR10_1000",
    HDR10_NOMAP: "HDR10_NOMAP",
};
const DolbyVisionProfile = {
    PROFILE_5: "PROFILE_5",
    PROFILE_8_1: "PROFILE_8_1",
};
const NoiseReducerFilter = {
    BILATERAL: "BILATERAL",
    CONSERVE: "CONSERVE",
    GAUSSIAN: "GAUSSIAN",
    LANCZOS: "LANCZOS",
    MEAN: "MEAN",
    NONE: "NONE",
    PERCEPTUAL: "PERCEPTUAL",
    SHARPEN: "SHARPEN",
    SPATIAL: "SPATIAL",
    TEMPORAL: "TEMPORAL",
};
const NoiseFilterPostTemporalSharpening = {
    AUTO: "AUTO",
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const NoiseFilterPostTemporalSharpeningStrength = {
    HIGH: "HIGH",
    LOW: "LOW",
    MEDIUM: "MEDIUM",
};
const WatermarkingStrength = {
    DEFAULT: "DEFAULT",
    LIGHTER: "LIGHTER",
    LIGHTEST: "LIGHTEST",
    STRONGER: "STRONGER",
    STRONGEST: "STRONGEST",
};
const TimecodeBurninPosition = {
    BOTTOM_CENTER: "BOTTOM_CENTER",
    BOTTOM_LEFT: "BOTTOM_LEFT",
    BOTTOM_RIGHT: "BOTTOM_RIGHT",
    MIDDLE_CENTER: "MIDDLE_CENTER",
    MIDDLE_LEFT: "MIDDLE_LEFT",
    MIDDLE_RIGHT: "MIDDLE_RIGHT",
    TOP_CENTER: "TOP_CENTER",
    TOP_LEFT: "TOP_LEFT",
    TOP_RIGHT: "TOP_RIGHT",
};
const TimecodeSource = {
    EMBEDDED: "EMBEDDED",
    SPECIFIEDSTART: "SPECIFIEDSTART",
    ZEROBASED: "ZEROBASED",
};
const ShareStatus = {
    INITIATED: "INITIATED",
    NOT_SHARED: "NOT_SHARED",
    SHARED: "SHARED",
};
const SimulateReservedQueue = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const JobStatus = {
    CANCELED: "CANCELED",
    COMPLETE: "COMPLETE",
    ERROR: "ERROR",
    PROGRESSING: "PROGRESSING",
    SUBMITTED: "SUBMITTED",
};
const StatusUpdateInterval = {
    SECONDS_10: "SECONDS_10",
    SECONDS_12: "SECONDS_12",
    SECONDS_120: "SECONDS_120",
    SECONDS_15: "SECONDS_15",
    SECONDS_180: "SECONDS_180",
    SECONDS_20: "SECONDS_20",
    SECONDS_240: "SECONDS_240",
    SECONDS_30: "SECONDS_30",
    SECONDS_300: "SECONDS_300",
    SECONDS_360: "SECONDS_360",
    SECONDS_420: "SECONDS_420",
    SECONDS_480: "SECONDS_480",
    SECONDS_540: "SECONDS_540",
    SECONDS_60: "SECONDS_60",
    SECONDS_600: "SECONDS_600",
};
const JobsQueryFilterKey = {
    audioCodec: "audioCodec",
    errorCode: "errorCode",
    fileInput: "fileInput",
    jobEngineVersionRequested: "jobEngineVersionRequested",
    jobEngineVersionUsed: "jobEngineVersionUsed",
    queue: "queue",
    status: "status",
    videoCodec: "videoCodec",
};
const Type = {
    CUSTOM: "CUSTOM",
    SYSTEM: "SYSTEM",
};
const Format = {
    aac: "aac",
    ac3: "ac3",
    asf: "asf",
    avi: "avi",
    eac3: "eac3",
    flac: "flac",
    matroska: "matroska",
    mp3: "mp3",
    mp4: "mp4",
    mpegps: "mpegps",
    mpegts: "mpegts",
    mxf: "mxf",
    ogg: "ogg",
    quicktime: "quicktime",
    three_g2: "three_g2",
    three_gp: "three_gp",
    wave: "wave",
    webm: "webm",
};
const Codec = {
    AAC: "AAC",
    AC3: "AC3",
    AMR: "AMR",
    AV1: "AV1",
    AVC: "AVC",
    C608: "C608",
    C708: "C708",
    DV: "DV",
    EAC3: "EAC3",
    FLAC: "FLAC",
    H263: "H263",
    HEVC: "HEVC",
    JPEG2000: "JPEG2000",
    MJPEG: "MJPEG",
    MP2: "MP2",
    MP3: "MP3",
    MP4V: "MP4V",
    MPEG1: "MPEG1",
    MPEG2: "MPEG2",
    OPUS: "OPUS",
    PCM: "PCM",
    PRORES: "PRORES",
    QTRLE: "QTRLE",
    THEORA: "THEORA",
    UNCOMPRESSED: "UNCOMPRESSED",
    UNKNOWN: "UNKNOWN",
    VC1: "VC1",
    VC3: "VC3",
    VFW: "VFW",
    VORBIS: "VORBIS",
    VP8: "VP8",
    VP9: "VP9",
    WEBVTT: "WEBVTT",
    WMA: "WMA",
    WMA2: "WMA2",
    WMAPRO: "WMAPRO",
};
const TrackType = {
    audio: "audio",
    data: "data",
    video: "video",
};
const ColorPrimaries = {
    EBU_3213_E: "EBU_3213_E",
    GENERIC_FILM: "GENERIC_FILM",
    IPT: "IPT",
    ITU_2020: "ITU_2020",
    ITU_470BG: "ITU_470BG",
    ITU_470M: "ITU_470M",
    ITU_709: "ITU_709",
    LAST: "LAST",
    RESERVED: "RESERVED",
    SMPTE_170M: "SMPTE_170M",
    SMPTE_2067XYZ: "SMPTE_2067XYZ",
    SMPTE_240M: "SMPTE_240M",
    SMPTE_428_1: "SMPTE_428_1",
    SMPTE_431_2: "SMPTE_431_2",
    SMPTE_EG_432_1: "SMPTE_EG_432_1",
    UNSPECIFIED: "UNSPECIFIED",
};
const DolbyVisionPresence = {
    ABSENT: "ABSENT",
    PRESENT: "PRESENT",
};
const Hdr10PlusPresence = {
    PRESENT: "PRESENT",
};
const MatrixCoefficients = {
    CD_CL: "CD_CL",
    CD_NCL: "CD_NCL",
    EBU3213: "EBU3213",
    FCC: "FCC",
    IPT: "IPT",
    ITU_2020_CL: "ITU_2020_CL",
    ITU_2020_NCL: "ITU_2020_NCL",
    ITU_2100ICtCp: "ITU_2100ICtCp",
    ITU_470BG: "ITU_470BG",
    ITU_709: "ITU_709",
    LAST: "LAST",
    RESERVED: "RESERVED",
    RGB: "RGB",
    SMPTE_170M: "SMPTE_170M",
    SMPTE_2085: "SMPTE_2085",
    SMPTE_240M: "SMPTE_240M",
    UNSPECIFIED: "UNSPECIFIED",
    YCgCo: "YCgCo",
};
const TransferCharacteristics = {
    ARIB_B67: "ARIB_B67",
    IEC_61966_2_1: "IEC_61966_2_1",
    IEC_61966_2_4: "IEC_61966_2_4",
    ITU_1361: "ITU_1361",
    ITU_2020_10bit: "ITU_2020_10bit",
    ITU_2020_12bit: "ITU_2020_12bit",
    ITU_470BG: "ITU_470BG",
    ITU_470M: "ITU_470M",
    ITU_709: "ITU_709",
    LAST: "LAST",
    LINEAR: "LINEAR",
    LOC10_2_5: "LOC10_2_5",
    LOG10_2: "LOG10_2",
    RESERVED: "RESERVED",
    SMPTE_170M: "SMPTE_170M",
    SMPTE_2084: "SMPTE_2084",
    SMPTE_240M: "SMPTE_240M",
    SMPTE_428_1: "SMPTE_428_1",
    UNSPECIFIED: "UNSPECIFIED",
};
const PricingPlan = {
    ON_DEMAND: "ON_DEMAND",
    RESERVED: "RESERVED",
};
const Commitment = {
    ONE_YEAR: "ONE_YEAR",
};
const RenewalType = {
    AUTO_RENEW: "AUTO_RENEW",
    EXPIRE: "EXPIRE",
};
const ReservationPlanStatus = {
    ACTIVE: "ACTIVE",
    EXPIRED: "EXPIRED",
};
const QueueStatus = {
    ACTIVE: "ACTIVE",
    PAUSED: "PAUSED",
};
const DescribeEndpointsMode = {
    DEFAULT: "DEFAULT",
    GET_ONLY: "GET_ONLY",
};
const JobsQueryStatus = {
    COMPLETE: "COMPLETE",
    ERROR: "ERROR",
    PROGRESSING: "PROGRESSING",
    SUBMITTED: "SUBMITTED",
};
const InputPolicy = {
    ALLOWED: "ALLOWED",
    DISALLOWED: "DISALLOWED",
};
const JobTemplateListBy = {
    CREATION_DATE: "CREATION_DATE",
    NAME: "NAME",
    SYSTEM: "SYSTEM",
};
const Order = {
    ASCENDING: "ASCENDING",
    DESCENDING: "DESCENDING",
};
const PresetListBy = {
    CREATION_DATE: "CREATION_DATE",
    NAME: "NAME",
    SYSTEM: "SYSTEM",
};
const QueueListBy = {
    CREATION_DATE: "CREATION_DATE",
    NAME: "NAME",
};

__webpack_unused_export__ = AacAudioDescriptionBroadcasterMix;
__webpack_unused_export__ = AacCodecProfile;
__webpack_unused_export__ = AacCodingMode;
__webpack_unused_export__ = AacLoudnessMeasurementMode;
__webpack_unused_export__ = AacPassthroughControl;
__webpack_unused_export__ = AacRateControlMode;
__webpack_unused_export__ = AacRawFormat;
__webpack_unused_export__ = AacSettings$;
__webpack_unused_export__ = AacSpecification;
__webpack_unused_export__ = AacVbrQuality;
__webpack_unused_export__ = Ac3BitstreamMode;
__webpack_unused_export__ = Ac3CodingMode;
__webpack_unused_export__ = Ac3DynamicRangeCompressionLine;
__webpack_unused_export__ = Ac3DynamicRangeCompressionProfile;
__webpack_unused_export__ = Ac3DynamicRangeCompressionRf;
__webpack_unused_export__ = Ac3LfeFilter;
__webpack_unused_export__ = Ac3MetadataControl;
__webpack_unused_export__ = Ac3Settings$;
__webpack_unused_export__ = Ac4BitstreamMode;
__webpack_unused_export__ = Ac4CodingMode;
__webpack_unused_export__ = Ac4DynamicRangeCompressionDrcProfile;
__webpack_unused_export__ = Ac4Settings$;
__webpack_unused_export__ = Ac4StereoDownmix;
__webpack_unused_export__ = AccelerationMode;
__webpack_unused_export__ = AccelerationSettings$;
__webpack_unused_export__ = AccelerationStatus;
__webpack_unused_export__ = AdvancedInputFilter;
__webpack_unused_export__ = AdvancedInputFilterAddTexture;
__webpack_unused_export__ = AdvancedInputFilterSettings$;
__webpack_unused_export__ = AdvancedInputFilterSharpen;
__webpack_unused_export__ = AfdSignaling;
__webpack_unused_export__ = AiffSettings$;
__webpack_unused_export__ = AllowedRenditionSize$;
__webpack_unused_export__ = AlphaBehavior;
__webpack_unused_export__ = AncillaryConvert608To708;
__webpack_unused_export__ = AncillarySourceSettings$;
__webpack_unused_export__ = AncillaryTerminateCaptions;
__webpack_unused_export__ = AntiAlias;
__webpack_unused_export__ = AspectRatio$;
__webpack_unused_export__ = AssociateCertificate$;
__webpack_unused_export__ = AssociateCertificateCommand;
__webpack_unused_export__ = AssociateCertificateRequest$;
__webpack_unused_export__ = AssociateCertificateResponse$;
__webpack_unused_export__ = AudioChannelTag;
__webpack_unused_export__ = AudioChannelTaggingSettings$;
__webpack_unused_export__ = AudioCodec;
__webpack_unused_export__ = AudioCodecSettings$;
__webpack_unused_export__ = AudioDefaultSelection;
__webpack_unused_export__ = AudioDescription$;
__webpack_unused_export__ = AudioDurationCorrection;
__webpack_unused_export__ = AudioLanguageCodeControl;
__webpack_unused_export__ = AudioNormalizationAlgorithm;
__webpack_unused_export__ = AudioNormalizationAlgorithmControl;
__webpack_unused_export__ = AudioNormalizationLoudnessLogging;
__webpack_unused_export__ = AudioNormalizationPeakCalculation;
__webpack_unused_export__ = AudioNormalizationSettings$;
__webpack_unused_export__ = AudioPitchCorrectionSettings$;
__webpack_unused_export__ = AudioProperties$;
__webpack_unused_export__ = AudioSelector$;
__webpack_unused_export__ = AudioSelectorGroup$;
__webpack_unused_export__ = AudioSelectorType;
__webpack_unused_export__ = AudioSmpte337Passthrough;
__webpack_unused_export__ = AudioTypeControl;
__webpack_unused_export__ = AutomatedAbrRule$;
__webpack_unused_export__ = AutomatedAbrSettings$;
__webpack_unused_export__ = AutomatedEncodingSettings$;
__webpack_unused_export__ = Av1AdaptiveQuantization;
__webpack_unused_export__ = Av1BitDepth;
__webpack_unused_export__ = Av1FilmGrainSynthesis;
__webpack_unused_export__ = Av1FramerateControl;
__webpack_unused_export__ = Av1FramerateConversionAlgorithm;
__webpack_unused_export__ = Av1QvbrSettings$;
__webpack_unused_export__ = Av1RateControlMode;
__webpack_unused_export__ = Av1SceneChangeDetect;
__webpack_unused_export__ = Av1Settings$;
__webpack_unused_export__ = Av1SpatialAdaptiveQuantization;
__webpack_unused_export__ = AvailBlanking$;
__webpack_unused_export__ = AvcIntraClass;
__webpack_unused_export__ = AvcIntraFramerateControl;
__webpack_unused_export__ = AvcIntraFramerateConversionAlgorithm;
__webpack_unused_export__ = AvcIntraInterlaceMode;
__webpack_unused_export__ = AvcIntraScanTypeConversionMode;
__webpack_unused_export__ = AvcIntraSettings$;
__webpack_unused_export__ = AvcIntraSlowPal;
__webpack_unused_export__ = AvcIntraTelecine;
__webpack_unused_export__ = AvcIntraUhdQualityTuningLevel;
__webpack_unused_export__ = AvcIntraUhdSettings$;
__webpack_unused_export__ = BadRequestException;
__webpack_unused_export__ = BadRequestException$;
__webpack_unused_export__ = BandwidthReductionFilter$;
__webpack_unused_export__ = BandwidthReductionFilterSharpening;
__webpack_unused_export__ = BandwidthReductionFilterStrength;
__webpack_unused_export__ = BillingTagsSource;
__webpack_unused_export__ = BurnInSubtitleStylePassthrough;
__webpack_unused_export__ = BurninDestinationSettings$;
__webpack_unused_export__ = BurninSubtitleAlignment;
__webpack_unused_export__ = BurninSubtitleApplyFontColor;
__webpack_unused_export__ = BurninSubtitleBackgroundColor;
__webpack_unused_export__ = BurninSubtitleFallbackFont;
__webpack_unused_export__ = BurninSubtitleFontColor;
__webpack_unused_export__ = BurninSubtitleOutlineColor;
__webpack_unused_export__ = BurninSubtitleShadowColor;
__webpack_unused_export__ = BurninSubtitleTeletextSpacing;
__webpack_unused_export__ = CancelJob$;
exports.ppP = CancelJobCommand;
__webpack_unused_export__ = CancelJobRequest$;
__webpack_unused_export__ = CancelJobResponse$;
__webpack_unused_export__ = CaptionDescription$;
__webpack_unused_export__ = CaptionDescriptionPreset$;
__webpack_unused_export__ = CaptionDestinationSettings$;
__webpack_unused_export__ = CaptionDestinationType;
__webpack_unused_export__ = CaptionSelector$;
__webpack_unused_export__ = CaptionSource;
__webpack_unused_export__ = CaptionSourceByteRateLimit;
__webpack_unused_export__ = CaptionSourceConvertPaintOnToPopOn;
__webpack_unused_export__ = CaptionSourceFramerate$;
__webpack_unused_export__ = CaptionSourceSettings$;
__webpack_unused_export__ = CaptionSourceType;
__webpack_unused_export__ = CaptionSourceUpconvertSTLToTeletext;
__webpack_unused_export__ = ChannelMapping$;
__webpack_unused_export__ = ChromaPositionMode;
__webpack_unused_export__ = ClipLimits$;
__webpack_unused_export__ = CmafAdditionalManifest$;
__webpack_unused_export__ = CmafClientCache;
__webpack_unused_export__ = CmafCodecSpecification;
__webpack_unused_export__ = CmafEncryptionSettings$;
__webpack_unused_export__ = CmafEncryptionType;
__webpack_unused_export__ = CmafGroupSettings$;
__webpack_unused_export__ = CmafImageBasedTrickPlay;
__webpack_unused_export__ = CmafImageBasedTrickPlaySettings$;
__webpack_unused_export__ = CmafImageBasedTrickPlayVariant$;
__webpack_unused_export__ = CmafInitializationVectorInManifest;
__webpack_unused_export__ = CmafIntervalCadence;
__webpack_unused_export__ = CmafKeyProviderType;
__webpack_unused_export__ = CmafManifestCompression;
__webpack_unused_export__ = CmafManifestDurationFormat;
__webpack_unused_export__ = CmafMpdManifestBandwidthType;
__webpack_unused_export__ = CmafMpdProfile;
__webpack_unused_export__ = CmafPtsOffsetHandlingForBFrames;
__webpack_unused_export__ = CmafSegmentControl;
__webpack_unused_export__ = CmafSegmentLengthControl;
__webpack_unused_export__ = CmafStreamInfResolution;
__webpack_unused_export__ = CmafTargetDurationCompatibilityMode;
__webpack_unused_export__ = CmafVideoCompositionOffsets;
__webpack_unused_export__ = CmafWriteDASHManifest;
__webpack_unused_export__ = CmafWriteHLSManifest;
__webpack_unused_export__ = CmafWriteSegmentTimelineInRepresentation;
__webpack_unused_export__ = CmfcAudioDuration;
__webpack_unused_export__ = CmfcAudioTrackType;
__webpack_unused_export__ = CmfcC2paManifest;
__webpack_unused_export__ = CmfcDescriptiveVideoServiceFlag;
__webpack_unused_export__ = CmfcIFrameOnlyManifest;
__webpack_unused_export__ = CmfcKlvMetadata;
__webpack_unused_export__ = CmfcManifestMetadataSignaling;
__webpack_unused_export__ = CmfcScte35Esam;
__webpack_unused_export__ = CmfcScte35Source;
__webpack_unused_export__ = CmfcSettings$;
__webpack_unused_export__ = CmfcTimedMetadata;
__webpack_unused_export__ = CmfcTimedMetadataBoxVersion;
__webpack_unused_export__ = Codec;
__webpack_unused_export__ = CodecMetadata$;
__webpack_unused_export__ = ColorConversion3DLUTSetting$;
__webpack_unused_export__ = ColorCorrector$;
__webpack_unused_export__ = ColorMetadata;
__webpack_unused_export__ = ColorPrimaries;
__webpack_unused_export__ = ColorSpace;
__webpack_unused_export__ = ColorSpaceConversion;
__webpack_unused_export__ = ColorSpaceUsage;
__webpack_unused_export__ = Commitment;
__webpack_unused_export__ = ConflictException;
__webpack_unused_export__ = ConflictException$;
__webpack_unused_export__ = Container$;
__webpack_unused_export__ = ContainerSettings$;
__webpack_unused_export__ = ContainerType;
__webpack_unused_export__ = ContentLightLevel$;
__webpack_unused_export__ = CopyProtectionAction;
__webpack_unused_export__ = CreateJob$;
exports.n3k = CreateJobCommand;
__webpack_unused_export__ = CreateJobRequest$;
__webpack_unused_export__ = CreateJobResponse$;
__webpack_unused_export__ = CreateJobTemplate$;
__webpack_unused_export__ = CreateJobTemplateCommand;
__webpack_unused_export__ = CreateJobTemplateRequest$;
__webpack_unused_export__ = CreateJobTemplateResponse$;
__webpack_unused_export__ = CreatePreset$;
__webpack_unused_export__ = CreatePresetCommand;
__webpack_unused_export__ = CreatePresetRequest$;
__webpack_unused_export__ = CreatePresetResponse$;
__webpack_unused_export__ = CreateQueue$;
__webpack_unused_export__ = CreateQueueCommand;
__webpack_unused_export__ = CreateQueueRequest$;
__webpack_unused_export__ = CreateQueueResponse$;
__webpack_unused_export__ = CreateResourceShare$;
__webpack_unused_export__ = CreateResourceShareCommand;
__webpack_unused_export__ = CreateResourceShareRequest$;
__webpack_unused_export__ = CreateResourceShareResponse$;
__webpack_unused_export__ = DashAdaptationSetGrouping;
__webpack_unused_export__ = DashAdditionalManifest$;
__webpack_unused_export__ = DashIsoEncryptionSettings$;
__webpack_unused_export__ = DashIsoGroupAudioChannelConfigSchemeIdUri;
__webpack_unused_export__ = DashIsoGroupSettings$;
__webpack_unused_export__ = DashIsoHbbtvCompliance;
__webpack_unused_export__ = DashIsoImageBasedTrickPlay;
__webpack_unused_export__ = DashIsoImageBasedTrickPlaySettings$;
__webpack_unused_export__ = DashIsoImageBasedTrickPlayVariant$;
__webpack_unused_export__ = DashIsoIntervalCadence;
__webpack_unused_export__ = DashIsoMpdManifestBandwidthType;
__webpack_unused_export__ = DashIsoMpdProfile;
__webpack_unused_export__ = DashIsoPlaybackDeviceCompatibility;
__webpack_unused_export__ = DashIsoPtsOffsetHandlingForBFrames;
__webpack_unused_export__ = DashIsoSegmentControl;
__webpack_unused_export__ = DashIsoSegmentLengthControl;
__webpack_unused_export__ = DashIsoVideoCompositionOffsets;
__webpack_unused_export__ = DashIsoWriteSegmentTimelineInRepresentation;
__webpack_unused_export__ = DashManifestStyle;
__webpack_unused_export__ = DataProperties$;
__webpack_unused_export__ = DecryptionMode;
__webpack_unused_export__ = DeinterlaceAlgorithm;
__webpack_unused_export__ = Deinterlacer$;
__webpack_unused_export__ = DeinterlacerControl;
__webpack_unused_export__ = DeinterlacerMode;
__webpack_unused_export__ = DeleteJobTemplate$;
__webpack_unused_export__ = DeleteJobTemplateCommand;
__webpack_unused_export__ = DeleteJobTemplateRequest$;
__webpack_unused_export__ = DeleteJobTemplateResponse$;
__webpack_unused_export__ = DeletePolicy$;
__webpack_unused_export__ = DeletePolicyCommand;
__webpack_unused_export__ = DeletePolicyRequest$;
__webpack_unused_export__ = DeletePolicyResponse$;
__webpack_unused_export__ = DeletePreset$;
__webpack_unused_export__ = DeletePresetCommand;
__webpack_unused_export__ = DeletePresetRequest$;
__webpack_unused_export__ = DeletePresetResponse$;
__webpack_unused_export__ = DeleteQueue$;
__webpack_unused_export__ = DeleteQueueCommand;
__webpack_unused_export__ = DeleteQueueRequest$;
__webpack_unused_export__ = DeleteQueueResponse$;
__webpack_unused_export__ = DescribeEndpoints$;
__webpack_unused_export__ = DescribeEndpointsCommand;
__webpack_unused_export__ = DescribeEndpointsMode;
__webpack_unused_export__ = DescribeEndpointsRequest$;
__webpack_unused_export__ = DescribeEndpointsResponse$;
__webpack_unused_export__ = DestinationSettings$;
__webpack_unused_export__ = DisassociateCertificate$;
__webpack_unused_export__ = DisassociateCertificateCommand;
__webpack_unused_export__ = DisassociateCertificateRequest$;
__webpack_unused_export__ = DisassociateCertificateResponse$;
__webpack_unused_export__ = DolbyVision$;
__webpack_unused_export__ = DolbyVisionCompatibility;
__webpack_unused_export__ = DolbyVisionLevel6Metadata$;
__webpack_unused_export__ = DolbyVisionLevel6Mode;
__webpack_unused_export__ = DolbyVisionMapping;
__webpack_unused_export__ = DolbyVisionMetadata$;
__webpack_unused_export__ = DolbyVisionPresence;
__webpack_unused_export__ = DolbyVisionProfile;
__webpack_unused_export__ = DropFrameTimecode;
__webpack_unused_export__ = DurationControl$;
__webpack_unused_export__ = DvbNitSettings$;
__webpack_unused_export__ = DvbSdtSettings$;
__webpack_unused_export__ = DvbSubDestinationSettings$;
__webpack_unused_export__ = DvbSubSourceSettings$;
__webpack_unused_export__ = DvbSubSubtitleFallbackFont;
__webpack_unused_export__ = DvbSubtitleAlignment;
__webpack_unused_export__ = DvbSubtitleApplyFontColor;
__webpack_unused_export__ = DvbSubtitleBackgroundColor;
__webpack_unused_export__ = DvbSubtitleFontColor;
__webpack_unused_export__ = DvbSubtitleOutlineColor;
__webpack_unused_export__ = DvbSubtitleShadowColor;
__webpack_unused_export__ = DvbSubtitleStylePassthrough;
__webpack_unused_export__ = DvbSubtitleTeletextSpacing;
__webpack_unused_export__ = DvbSubtitlingType;
__webpack_unused_export__ = DvbTdtSettings$;
__webpack_unused_export__ = DvbddsHandling;
__webpack_unused_export__ = DynamicAudioSelector$;
__webpack_unused_export__ = DynamicAudioSelectorType;
__webpack_unused_export__ = Eac3AtmosBitstreamMode;
__webpack_unused_export__ = Eac3AtmosCodingMode;
__webpack_unused_export__ = Eac3AtmosDialogueIntelligence;
__webpack_unused_export__ = Eac3AtmosDownmixControl;
__webpack_unused_export__ = Eac3AtmosDynamicRangeCompressionLine;
__webpack_unused_export__ = Eac3AtmosDynamicRangeCompressionRf;
__webpack_unused_export__ = Eac3AtmosDynamicRangeControl;
__webpack_unused_export__ = Eac3AtmosMeteringMode;
__webpack_unused_export__ = Eac3AtmosSettings$;
__webpack_unused_export__ = Eac3AtmosStereoDownmix;
__webpack_unused_export__ = Eac3AtmosSurroundExMode;
__webpack_unused_export__ = Eac3AttenuationControl;
__webpack_unused_export__ = Eac3BitstreamMode;
__webpack_unused_export__ = Eac3CodingMode;
__webpack_unused_export__ = Eac3DcFilter;
__webpack_unused_export__ = Eac3DynamicRangeCompressionLine;
__webpack_unused_export__ = Eac3DynamicRangeCompressionRf;
__webpack_unused_export__ = Eac3LfeControl;
__webpack_unused_export__ = Eac3LfeFilter;
__webpack_unused_export__ = Eac3MetadataControl;
__webpack_unused_export__ = Eac3PassthroughControl;
__webpack_unused_export__ = Eac3PhaseControl;
__webpack_unused_export__ = Eac3Settings$;
__webpack_unused_export__ = Eac3StereoDownmix;
__webpack_unused_export__ = Eac3SurroundExMode;
__webpack_unused_export__ = Eac3SurroundMode;
__webpack_unused_export__ = ElementalInferenceConfiguration$;
__webpack_unused_export__ = ElementalInferenceFeature;
__webpack_unused_export__ = ElementalInferenceFeed$;
__webpack_unused_export__ = ElementalInferenceFeedConfigurationSource$;
__webpack_unused_export__ = ElementalInferenceFeedManagementState;
__webpack_unused_export__ = ElementalInferenceSettings$;
__webpack_unused_export__ = EmbeddedConvert608To708;
__webpack_unused_export__ = EmbeddedDestinationSettings$;
__webpack_unused_export__ = EmbeddedSourceSettings$;
__webpack_unused_export__ = EmbeddedTerminateCaptions;
__webpack_unused_export__ = EmbeddedTimecodeOverride;
__webpack_unused_export__ = EncryptionContractConfiguration$;
__webpack_unused_export__ = Endpoint$;
__webpack_unused_export__ = EsamManifestConfirmConditionNotification$;
__webpack_unused_export__ = EsamSettings$;
__webpack_unused_export__ = EsamSignalProcessingNotification$;
__webpack_unused_export__ = ExtendedDataServices$;
__webpack_unused_export__ = F4vMoovPlacement;
__webpack_unused_export__ = F4vSettings$;
__webpack_unused_export__ = FileGroupSettings$;
__webpack_unused_export__ = FileSourceConvert608To708;
__webpack_unused_export__ = FileSourceSettings$;
__webpack_unused_export__ = FileSourceTimeDeltaUnits;
__webpack_unused_export__ = FlacSettings$;
__webpack_unused_export__ = FontScript;
__webpack_unused_export__ = ForbiddenException;
__webpack_unused_export__ = ForbiddenException$;
__webpack_unused_export__ = ForceIncludeRenditionSize$;
__webpack_unused_export__ = Format;
__webpack_unused_export__ = FrameCaptureSettings$;
__webpack_unused_export__ = FrameControl;
__webpack_unused_export__ = FrameMetricType;
__webpack_unused_export__ = FrameRate$;
__webpack_unused_export__ = GetJob$;
exports.jEM = GetJobCommand;
__webpack_unused_export__ = GetJobRequest$;
__webpack_unused_export__ = GetJobResponse$;
__webpack_unused_export__ = GetJobTemplate$;
exports.Fke = GetJobTemplateCommand;
__webpack_unused_export__ = GetJobTemplateRequest$;
__webpack_unused_export__ = GetJobTemplateResponse$;
__webpack_unused_export__ = GetJobsQueryResults$;
__webpack_unused_export__ = GetJobsQueryResultsCommand;
__webpack_unused_export__ = GetJobsQueryResultsRequest$;
__webpack_unused_export__ = GetJobsQueryResultsResponse$;
__webpack_unused_export__ = GetPolicy$;
__webpack_unused_export__ = GetPolicyCommand;
__webpack_unused_export__ = GetPolicyRequest$;
__webpack_unused_export__ = GetPolicyResponse$;
__webpack_unused_export__ = GetPreset$;
__webpack_unused_export__ = GetPresetCommand;
__webpack_unused_export__ = GetPresetRequest$;
__webpack_unused_export__ = GetPresetResponse$;
__webpack_unused_export__ = GetQueue$;
exports.TWC = GetQueueCommand;
__webpack_unused_export__ = GetQueueRequest$;
__webpack_unused_export__ = GetQueueResponse$;
__webpack_unused_export__ = GifFramerateControl;
__webpack_unused_export__ = GifFramerateConversionAlgorithm;
__webpack_unused_export__ = GifSettings$;
__webpack_unused_export__ = H264AdaptiveQuantization;
__webpack_unused_export__ = H264CodecLevel;
__webpack_unused_export__ = H264CodecProfile;
__webpack_unused_export__ = H264DynamicSubGop;
__webpack_unused_export__ = H264EndOfStreamMarkers;
__webpack_unused_export__ = H264EntropyEncoding;
__webpack_unused_export__ = H264ExplicitWeightedPrediction;
__webpack_unused_export__ = H264FieldEncoding;
__webpack_unused_export__ = H264FlickerAdaptiveQuantization;
__webpack_unused_export__ = H264FramerateControl;
__webpack_unused_export__ = H264FramerateConversionAlgorithm;
__webpack_unused_export__ = H264GopBReference;
__webpack_unused_export__ = H264GopSizeUnits;
__webpack_unused_export__ = H264InterlaceMode;
__webpack_unused_export__ = H264ParControl;
__webpack_unused_export__ = H264QualityTuningLevel;
__webpack_unused_export__ = H264QvbrSettings$;
__webpack_unused_export__ = H264RateControlMode;
__webpack_unused_export__ = H264RepeatPps;
__webpack_unused_export__ = H264SaliencyAwareEncoding;
__webpack_unused_export__ = H264ScanTypeConversionMode;
__webpack_unused_export__ = H264SceneChangeDetect;
__webpack_unused_export__ = H264Settings$;
__webpack_unused_export__ = H264SlowPal;
__webpack_unused_export__ = H264SpatialAdaptiveQuantization;
__webpack_unused_export__ = H264Syntax;
__webpack_unused_export__ = H264Telecine;
__webpack_unused_export__ = H264TemporalAdaptiveQuantization;
__webpack_unused_export__ = H264UnregisteredSeiTimecode;
__webpack_unused_export__ = H264WriteMp4PackagingType;
__webpack_unused_export__ = H265AdaptiveQuantization;
__webpack_unused_export__ = H265AlternateTransferFunctionSei;
__webpack_unused_export__ = H265CodecLevel;
__webpack_unused_export__ = H265CodecProfile;
__webpack_unused_export__ = H265Deblocking;
__webpack_unused_export__ = H265DynamicSubGop;
__webpack_unused_export__ = H265EndOfStreamMarkers;
__webpack_unused_export__ = H265FlickerAdaptiveQuantization;
__webpack_unused_export__ = H265FramerateControl;
__webpack_unused_export__ = H265FramerateConversionAlgorithm;
__webpack_unused_export__ = H265GopBReference;
__webpack_unused_export__ = H265GopSizeUnits;
__webpack_unused_export__ = H265InterlaceMode;
__webpack_unused_export__ = H265MvOverPictureBoundaries;
__webpack_unused_export__ = H265MvTemporalPredictor;
__webpack_unused_export__ = H265ParControl;
__webpack_unused_export__ = H265QualityTuningLevel;
__webpack_unused_export__ = H265QvbrSettings$;
__webpack_unused_export__ = H265RateControlMode;
__webpack_unused_export__ = H265SampleAdaptiveOffsetFilterMode;
__webpack_unused_export__ = H265ScanTypeConversionMode;
__webpack_unused_export__ = H265SceneChangeDetect;
__webpack_unused_export__ = H265Settings$;
__webpack_unused_export__ = H265SlowPal;
__webpack_unused_export__ = H265SpatialAdaptiveQuantization;
__webpack_unused_export__ = H265Telecine;
__webpack_unused_export__ = H265TemporalAdaptiveQuantization;
__webpack_unused_export__ = H265TemporalIds;
__webpack_unused_export__ = H265TilePadding;
__webpack_unused_export__ = H265Tiles;
__webpack_unused_export__ = H265TreeBlockSize;
__webpack_unused_export__ = H265UnregisteredSeiTimecode;
__webpack_unused_export__ = H265WriteMp4PackagingType;
__webpack_unused_export__ = HDRToSDRToneMapper;
__webpack_unused_export__ = Hdr10Metadata$;
__webpack_unused_export__ = Hdr10Plus$;
__webpack_unused_export__ = Hdr10PlusPresence;
__webpack_unused_export__ = HdrMetadata$;
__webpack_unused_export__ = HlsAdMarkers;
__webpack_unused_export__ = HlsAdditionalManifest$;
__webpack_unused_export__ = HlsAudioOnlyContainer;
__webpack_unused_export__ = HlsAudioOnlyHeader;
__webpack_unused_export__ = HlsAudioTrackType;
__webpack_unused_export__ = HlsCaptionLanguageMapping$;
__webpack_unused_export__ = HlsCaptionLanguageSetting;
__webpack_unused_export__ = HlsCaptionSegmentLengthControl;
__webpack_unused_export__ = HlsClientCache;
__webpack_unused_export__ = HlsCodecSpecification;
__webpack_unused_export__ = HlsDescriptiveVideoServiceFlag;
__webpack_unused_export__ = HlsDirectoryStructure;
__webpack_unused_export__ = HlsEncryptionSettings$;
__webpack_unused_export__ = HlsEncryptionType;
__webpack_unused_export__ = HlsGroupSettings$;
__webpack_unused_export__ = HlsIFrameOnlyManifest;
__webpack_unused_export__ = HlsImageBasedTrickPlay;
__webpack_unused_export__ = HlsImageBasedTrickPlaySettings$;
__webpack_unused_export__ = HlsImageBasedTrickPlayVariant$;
__webpack_unused_export__ = HlsInitializationVectorInManifest;
__webpack_unused_export__ = HlsIntervalCadence;
__webpack_unused_export__ = HlsKeyProviderType;
__webpack_unused_export__ = HlsManifestCompression;
__webpack_unused_export__ = HlsManifestDurationFormat;
__webpack_unused_export__ = HlsOfflineEncrypted;
__webpack_unused_export__ = HlsOutputSelection;
__webpack_unused_export__ = HlsProgramDateTime;
__webpack_unused_export__ = HlsProgressiveWriteHlsManifest;
__webpack_unused_export__ = HlsRenditionGroupSettings$;
__webpack_unused_export__ = HlsSegmentControl;
__webpack_unused_export__ = HlsSegmentLengthControl;
__webpack_unused_export__ = HlsSettings$;
__webpack_unused_export__ = HlsStreamInfResolution;
__webpack_unused_export__ = HlsTargetDurationCompatibilityMode;
__webpack_unused_export__ = HlsTimedMetadataId3Frame;
__webpack_unused_export__ = HopDestination$;
__webpack_unused_export__ = Id3Insertion$;
__webpack_unused_export__ = ImageInserter$;
__webpack_unused_export__ = ImscAccessibilitySubs;
__webpack_unused_export__ = ImscDestinationSettings$;
__webpack_unused_export__ = ImscStylePassthrough;
__webpack_unused_export__ = Input$;
__webpack_unused_export__ = InputClipping$;
__webpack_unused_export__ = InputDeblockFilter;
__webpack_unused_export__ = InputDecryptionSettings$;
__webpack_unused_export__ = InputDenoiseFilter;
__webpack_unused_export__ = InputFilterEnable;
__webpack_unused_export__ = InputPolicy;
__webpack_unused_export__ = InputPsiControl;
__webpack_unused_export__ = InputRotate;
__webpack_unused_export__ = InputSampleRange;
__webpack_unused_export__ = InputScanType;
__webpack_unused_export__ = InputTamsSettings$;
__webpack_unused_export__ = InputTemplate$;
__webpack_unused_export__ = InputTimecodeSource;
__webpack_unused_export__ = InputVideoGenerator$;
__webpack_unused_export__ = InsertableImage$;
__webpack_unused_export__ = InternalServerErrorException;
__webpack_unused_export__ = InternalServerErrorException$;
__webpack_unused_export__ = Job$;
__webpack_unused_export__ = JobEngineVersion$;
__webpack_unused_export__ = JobMessages$;
__webpack_unused_export__ = JobPhase;
__webpack_unused_export__ = JobSettings$;
__webpack_unused_export__ = JobStatus;
__webpack_unused_export__ = JobTemplate$;
__webpack_unused_export__ = JobTemplateListBy;
__webpack_unused_export__ = JobTemplateSettings$;
__webpack_unused_export__ = JobsQueryFilter$;
__webpack_unused_export__ = JobsQueryFilterKey;
__webpack_unused_export__ = JobsQueryStatus;
__webpack_unused_export__ = KantarWatermarkSettings$;
__webpack_unused_export__ = LanguageCode;
__webpack_unused_export__ = ListJobTemplates$;
__webpack_unused_export__ = ListJobTemplatesCommand;
__webpack_unused_export__ = ListJobTemplatesRequest$;
__webpack_unused_export__ = ListJobTemplatesResponse$;
__webpack_unused_export__ = ListJobs$;
__webpack_unused_export__ = ListJobsCommand;
__webpack_unused_export__ = ListJobsRequest$;
__webpack_unused_export__ = ListJobsResponse$;
__webpack_unused_export__ = ListPresets$;
__webpack_unused_export__ = ListPresetsCommand;
__webpack_unused_export__ = ListPresetsRequest$;
__webpack_unused_export__ = ListPresetsResponse$;
__webpack_unused_export__ = ListQueues$;
__webpack_unused_export__ = ListQueuesCommand;
__webpack_unused_export__ = ListQueuesRequest$;
__webpack_unused_export__ = ListQueuesResponse$;
__webpack_unused_export__ = ListTagsForResource$;
__webpack_unused_export__ = ListTagsForResourceCommand;
__webpack_unused_export__ = ListTagsForResourceRequest$;
__webpack_unused_export__ = ListTagsForResourceResponse$;
__webpack_unused_export__ = ListVersions$;
__webpack_unused_export__ = ListVersionsCommand;
__webpack_unused_export__ = ListVersionsRequest$;
__webpack_unused_export__ = ListVersionsResponse$;
__webpack_unused_export__ = M2tsAudioBufferModel;
__webpack_unused_export__ = M2tsAudioDuration;
__webpack_unused_export__ = M2tsBufferModel;
__webpack_unused_export__ = M2tsDataPtsControl;
__webpack_unused_export__ = M2tsEbpAudioInterval;
__webpack_unused_export__ = M2tsEbpPlacement;
__webpack_unused_export__ = M2tsEsRateInPes;
__webpack_unused_export__ = M2tsForceTsVideoEbpOrder;
__webpack_unused_export__ = M2tsKlvMetadata;
__webpack_unused_export__ = M2tsNielsenId3;
__webpack_unused_export__ = M2tsPcrControl;
__webpack_unused_export__ = M2tsPreventBufferUnderflow;
__webpack_unused_export__ = M2tsRateMode;
__webpack_unused_export__ = M2tsScte35Esam$;
__webpack_unused_export__ = M2tsScte35Source;
__webpack_unused_export__ = M2tsSegmentationMarkers;
__webpack_unused_export__ = M2tsSegmentationStyle;
__webpack_unused_export__ = M2tsSettings$;
__webpack_unused_export__ = M3u8AudioDuration;
__webpack_unused_export__ = M3u8DataPtsControl;
__webpack_unused_export__ = M3u8NielsenId3;
__webpack_unused_export__ = M3u8PcrControl;
__webpack_unused_export__ = M3u8Scte35Source;
__webpack_unused_export__ = M3u8Settings$;
__webpack_unused_export__ = MasteringDisplayColorVolume$;
__webpack_unused_export__ = MatrixCoefficients;
__webpack_unused_export__ = MediaConvert;
exports.dU0 = MediaConvertClient;
__webpack_unused_export__ = MediaConvertServiceException;
__webpack_unused_export__ = MediaConvertServiceException$;
__webpack_unused_export__ = Metadata$;
__webpack_unused_export__ = MinBottomRenditionSize$;
__webpack_unused_export__ = MinTopRenditionSize$;
__webpack_unused_export__ = MotionImageInserter$;
__webpack_unused_export__ = MotionImageInsertionFramerate$;
__webpack_unused_export__ = MotionImageInsertionMode;
__webpack_unused_export__ = MotionImageInsertionOffset$;
__webpack_unused_export__ = MotionImagePlayback;
__webpack_unused_export__ = MovClapAtom;
__webpack_unused_export__ = MovCslgAtom;
__webpack_unused_export__ = MovMpeg2FourCCControl;
__webpack_unused_export__ = MovPaddingControl;
__webpack_unused_export__ = MovReference;
__webpack_unused_export__ = MovSettings$;
__webpack_unused_export__ = Mp2AudioDescriptionMix;
__webpack_unused_export__ = Mp2Settings$;
__webpack_unused_export__ = Mp3RateControlMode;
__webpack_unused_export__ = Mp3Settings$;
__webpack_unused_export__ = Mp4C2paManifest;
__webpack_unused_export__ = Mp4CslgAtom;
__webpack_unused_export__ = Mp4FreeSpaceBox;
__webpack_unused_export__ = Mp4MoovPlacement;
__webpack_unused_export__ = Mp4Settings$;
__webpack_unused_export__ = MpdAccessibilityCaptionHints;
__webpack_unused_export__ = MpdAudioDuration;
__webpack_unused_export__ = MpdC2paManifest;
__webpack_unused_export__ = MpdCaptionContainerType;
__webpack_unused_export__ = MpdKlvMetadata;
__webpack_unused_export__ = MpdManifestMetadataSignaling;
__webpack_unused_export__ = MpdScte35Esam;
__webpack_unused_export__ = MpdScte35Source;
__webpack_unused_export__ = MpdSettings$;
__webpack_unused_export__ = MpdTimedMetadata;
__webpack_unused_export__ = MpdTimedMetadataBoxVersion;
__webpack_unused_export__ = Mpeg2AdaptiveQuantization;
__webpack_unused_export__ = Mpeg2CodecLevel;
__webpack_unused_export__ = Mpeg2CodecProfile;
__webpack_unused_export__ = Mpeg2DynamicSubGop;
__webpack_unused_export__ = Mpeg2FramerateControl;
__webpack_unused_export__ = Mpeg2FramerateConversionAlgorithm;
__webpack_unused_export__ = Mpeg2GopSizeUnits;
__webpack_unused_export__ = Mpeg2InterlaceMode;
__webpack_unused_export__ = Mpeg2IntraDcPrecision;
__webpack_unused_export__ = Mpeg2ParControl;
__webpack_unused_export__ = Mpeg2QualityTuningLevel;
__webpack_unused_export__ = Mpeg2RateControlMode;
__webpack_unused_export__ = Mpeg2ScanTypeConversionMode;
__webpack_unused_export__ = Mpeg2SceneChangeDetect;
__webpack_unused_export__ = Mpeg2Settings$;
__webpack_unused_export__ = Mpeg2SlowPal;
__webpack_unused_export__ = Mpeg2SpatialAdaptiveQuantization;
__webpack_unused_export__ = Mpeg2Syntax;
__webpack_unused_export__ = Mpeg2Telecine;
__webpack_unused_export__ = Mpeg2TemporalAdaptiveQuantization;
__webpack_unused_export__ = MsSmoothAdditionalManifest$;
__webpack_unused_export__ = MsSmoothAudioDeduplication;
__webpack_unused_export__ = MsSmoothEncryptionSettings$;
__webpack_unused_export__ = MsSmoothFragmentLengthControl;
__webpack_unused_export__ = MsSmoothGroupSettings$;
__webpack_unused_export__ = MsSmoothManifestEncoding;
__webpack_unused_export__ = MultiViewInput$;
__webpack_unused_export__ = MultiViewSettings$;
__webpack_unused_export__ = MxfAfdSignaling;
__webpack_unused_export__ = MxfProfile;
__webpack_unused_export__ = MxfSettings$;
__webpack_unused_export__ = MxfUncompressedAudioWrapping;
__webpack_unused_export__ = MxfXavcDurationMode;
__webpack_unused_export__ = MxfXavcProfileSettings$;
__webpack_unused_export__ = NexGuardFileMarkerSettings$;
__webpack_unused_export__ = NielsenActiveWatermarkProcessType;
__webpack_unused_export__ = NielsenConfiguration$;
__webpack_unused_export__ = NielsenNonLinearWatermarkSettings$;
__webpack_unused_export__ = NielsenSourceWatermarkStatusType;
__webpack_unused_export__ = NielsenUniqueTicPerAudioTrackType;
__webpack_unused_export__ = NoiseFilterPostTemporalSharpening;
__webpack_unused_export__ = NoiseFilterPostTemporalSharpeningStrength;
__webpack_unused_export__ = NoiseReducer$;
__webpack_unused_export__ = NoiseReducerFilter;
__webpack_unused_export__ = NoiseReducerFilterSettings$;
__webpack_unused_export__ = NoiseReducerSpatialFilterSettings$;
__webpack_unused_export__ = NoiseReducerTemporalFilterSettings$;
__webpack_unused_export__ = NotFoundException;
__webpack_unused_export__ = NotFoundException$;
__webpack_unused_export__ = OpusSettings$;
__webpack_unused_export__ = Order;
__webpack_unused_export__ = Output$;
__webpack_unused_export__ = OutputChannelMapping$;
__webpack_unused_export__ = OutputDetail$;
__webpack_unused_export__ = OutputGroup$;
__webpack_unused_export__ = OutputGroupDetail$;
__webpack_unused_export__ = OutputGroupSettings$;
__webpack_unused_export__ = OutputGroupType;
__webpack_unused_export__ = OutputSdt;
__webpack_unused_export__ = OutputSettings$;
__webpack_unused_export__ = PadVideo;
__webpack_unused_export__ = PartnerWatermarking$;
__webpack_unused_export__ = PassthroughSegmentationMode;
__webpack_unused_export__ = PassthroughSettings$;
__webpack_unused_export__ = Policy$;
__webpack_unused_export__ = Preset$;
__webpack_unused_export__ = PresetListBy;
__webpack_unused_export__ = PresetSettings$;
__webpack_unused_export__ = PresetSpeke20Audio;
__webpack_unused_export__ = PresetSpeke20Video;
__webpack_unused_export__ = PricingPlan;
__webpack_unused_export__ = Probe$;
__webpack_unused_export__ = ProbeCommand;
__webpack_unused_export__ = ProbeInputFile$;
__webpack_unused_export__ = ProbeRequest$;
__webpack_unused_export__ = ProbeResponse$;
__webpack_unused_export__ = ProbeResult$;
__webpack_unused_export__ = ProresChromaSampling;
__webpack_unused_export__ = ProresCodecProfile;
__webpack_unused_export__ = ProresFramerateControl;
__webpack_unused_export__ = ProresFramerateConversionAlgorithm;
__webpack_unused_export__ = ProresInterlaceMode;
__webpack_unused_export__ = ProresParControl;
__webpack_unused_export__ = ProresScanTypeConversionMode;
__webpack_unused_export__ = ProresSettings$;
__webpack_unused_export__ = ProresSlowPal;
__webpack_unused_export__ = ProresTelecine;
__webpack_unused_export__ = PutPolicy$;
__webpack_unused_export__ = PutPolicyCommand;
__webpack_unused_export__ = PutPolicyRequest$;
__webpack_unused_export__ = PutPolicyResponse$;
__webpack_unused_export__ = Queue$;
__webpack_unused_export__ = QueueListBy;
__webpack_unused_export__ = QueueStatus;
__webpack_unused_export__ = QueueTransition$;
__webpack_unused_export__ = Rectangle$;
__webpack_unused_export__ = RemixSettings$;
__webpack_unused_export__ = RemoveRubyReserveAttributes;
__webpack_unused_export__ = RenewalType;
__webpack_unused_export__ = RequiredFlag;
__webpack_unused_export__ = ReservationPlan$;
__webpack_unused_export__ = ReservationPlanSettings$;
__webpack_unused_export__ = ReservationPlanStatus;
__webpack_unused_export__ = ResourceTags$;
__webpack_unused_export__ = RespondToAfd;
__webpack_unused_export__ = RuleType;
__webpack_unused_export__ = S3DestinationAccessControl$;
__webpack_unused_export__ = S3DestinationSettings$;
__webpack_unused_export__ = S3EncryptionSettings$;
__webpack_unused_export__ = S3ObjectCannedAcl;
__webpack_unused_export__ = S3ServerSideEncryptionType;
__webpack_unused_export__ = S3StorageClass;
__webpack_unused_export__ = SampleRangeConversion;
__webpack_unused_export__ = ScalingBehavior;
__webpack_unused_export__ = SccDestinationFramerate;
__webpack_unused_export__ = SccDestinationSettings$;
__webpack_unused_export__ = SearchJobs$;
__webpack_unused_export__ = SearchJobsCommand;
__webpack_unused_export__ = SearchJobsRequest$;
__webpack_unused_export__ = SearchJobsResponse$;
__webpack_unused_export__ = ServiceOverride$;
__webpack_unused_export__ = ServiceQuotaExceededException;
__webpack_unused_export__ = ServiceQuotaExceededException$;
__webpack_unused_export__ = ShareStatus;
__webpack_unused_export__ = SimulateReservedQueue;
__webpack_unused_export__ = SlowPalPitchCorrection;
__webpack_unused_export__ = SpekeKeyProvider$;
__webpack_unused_export__ = SpekeKeyProviderCmaf$;
__webpack_unused_export__ = SrtDestinationSettings$;
__webpack_unused_export__ = SrtStylePassthrough;
__webpack_unused_export__ = StartJobsQuery$;
__webpack_unused_export__ = StartJobsQueryCommand;
__webpack_unused_export__ = StartJobsQueryRequest$;
__webpack_unused_export__ = StartJobsQueryResponse$;
__webpack_unused_export__ = StaticKeyProvider$;
__webpack_unused_export__ = StatusUpdateInterval;
__webpack_unused_export__ = TagResource$;
__webpack_unused_export__ = TagResourceCommand;
__webpack_unused_export__ = TagResourceRequest$;
__webpack_unused_export__ = TagResourceResponse$;
__webpack_unused_export__ = TamsGapHandling;
__webpack_unused_export__ = TeletextDestinationSettings$;
__webpack_unused_export__ = TeletextPageType;
__webpack_unused_export__ = TeletextSourceSettings$;
__webpack_unused_export__ = TimecodeBurnin$;
__webpack_unused_export__ = TimecodeBurninPosition;
__webpack_unused_export__ = TimecodeConfig$;
__webpack_unused_export__ = TimecodeSource;
__webpack_unused_export__ = TimecodeTrack;
__webpack_unused_export__ = TimedMetadata;
__webpack_unused_export__ = TimedMetadataInsertion$;
__webpack_unused_export__ = Timing$;
__webpack_unused_export__ = TooManyRequestsException;
__webpack_unused_export__ = TooManyRequestsException$;
__webpack_unused_export__ = Track$;
__webpack_unused_export__ = TrackMapping$;
__webpack_unused_export__ = TrackSourceSettings$;
__webpack_unused_export__ = TrackType;
__webpack_unused_export__ = TransferCharacteristics;
__webpack_unused_export__ = TsPtsOffset;
__webpack_unused_export__ = TtmlBackgroundColor;
__webpack_unused_export__ = TtmlDestinationSettings$;
__webpack_unused_export__ = TtmlFontColor;
__webpack_unused_export__ = TtmlFontStyle;
__webpack_unused_export__ = TtmlFontWeight;
__webpack_unused_export__ = TtmlStylePassthrough;
__webpack_unused_export__ = TtmlTextDecoration;
__webpack_unused_export__ = Type;
__webpack_unused_export__ = UncompressedFourcc;
__webpack_unused_export__ = UncompressedFramerateControl;
__webpack_unused_export__ = UncompressedFramerateConversionAlgorithm;
__webpack_unused_export__ = UncompressedInterlaceMode;
__webpack_unused_export__ = UncompressedScanTypeConversionMode;
__webpack_unused_export__ = UncompressedSettings$;
__webpack_unused_export__ = UncompressedSlowPal;
__webpack_unused_export__ = UncompressedTelecine;
__webpack_unused_export__ = UnprocessableEntityException;
__webpack_unused_export__ = UnprocessableEntityException$;
__webpack_unused_export__ = UntagResource$;
__webpack_unused_export__ = UntagResourceCommand;
__webpack_unused_export__ = UntagResourceRequest$;
__webpack_unused_export__ = UntagResourceResponse$;
__webpack_unused_export__ = UpdateJobTemplate$;
__webpack_unused_export__ = UpdateJobTemplateCommand;
__webpack_unused_export__ = UpdateJobTemplateRequest$;
__webpack_unused_export__ = UpdateJobTemplateResponse$;
__webpack_unused_export__ = UpdatePreset$;
__webpack_unused_export__ = UpdatePresetCommand;
__webpack_unused_export__ = UpdatePresetRequest$;
__webpack_unused_export__ = UpdatePresetResponse$;
__webpack_unused_export__ = UpdateQueue$;
__webpack_unused_export__ = UpdateQueueCommand;
__webpack_unused_export__ = UpdateQueueRequest$;
__webpack_unused_export__ = UpdateQueueResponse$;
__webpack_unused_export__ = Vc3Class;
__webpack_unused_export__ = Vc3FramerateControl;
__webpack_unused_export__ = Vc3FramerateConversionAlgorithm;
__webpack_unused_export__ = Vc3InterlaceMode;
__webpack_unused_export__ = Vc3ScanTypeConversionMode;
__webpack_unused_export__ = Vc3Settings$;
__webpack_unused_export__ = Vc3SlowPal;
__webpack_unused_export__ = Vc3Telecine;
__webpack_unused_export__ = VchipAction;
__webpack_unused_export__ = VideoCodec;
__webpack_unused_export__ = VideoCodecSettings$;
__webpack_unused_export__ = VideoDescription$;
__webpack_unused_export__ = VideoDetail$;
__webpack_unused_export__ = VideoOverlay$;
__webpack_unused_export__ = VideoOverlayCrop$;
__webpack_unused_export__ = VideoOverlayInput$;
__webpack_unused_export__ = VideoOverlayInputClipping$;
__webpack_unused_export__ = VideoOverlayPlayBackMode;
__webpack_unused_export__ = VideoOverlayPosition$;
__webpack_unused_export__ = VideoOverlayTransition$;
__webpack_unused_export__ = VideoOverlayUnit;
__webpack_unused_export__ = VideoPreprocessor$;
__webpack_unused_export__ = VideoProperties$;
__webpack_unused_export__ = VideoSelector$;
__webpack_unused_export__ = VideoSelectorMode;
__webpack_unused_export__ = VideoSelectorType;
__webpack_unused_export__ = VideoTimecodeInsertion;
__webpack_unused_export__ = VorbisSettings$;
__webpack_unused_export__ = Vp8FramerateControl;
__webpack_unused_export__ = Vp8FramerateConversionAlgorithm;
__webpack_unused_export__ = Vp8ParControl;
__webpack_unused_export__ = Vp8QualityTuningLevel;
__webpack_unused_export__ = Vp8RateControlMode;
__webpack_unused_export__ = Vp8Settings$;
__webpack_unused_export__ = Vp9FramerateControl;
__webpack_unused_export__ = Vp9FramerateConversionAlgorithm;
__webpack_unused_export__ = Vp9ParControl;
__webpack_unused_export__ = Vp9QualityTuningLevel;
__webpack_unused_export__ = Vp9RateControlMode;
__webpack_unused_export__ = Vp9Settings$;
__webpack_unused_export__ = WarningGroup$;
__webpack_unused_export__ = WatermarkingStrength;
__webpack_unused_export__ = WavFormat;
__webpack_unused_export__ = WavSettings$;
__webpack_unused_export__ = WebvttAccessibilitySubs;
__webpack_unused_export__ = WebvttDestinationSettings$;
__webpack_unused_export__ = WebvttHlsSourceSettings$;
__webpack_unused_export__ = WebvttStylePassthrough;
__webpack_unused_export__ = Xavc4kIntraCbgProfileClass;
__webpack_unused_export__ = Xavc4kIntraCbgProfileSettings$;
__webpack_unused_export__ = Xavc4kIntraVbrProfileClass;
__webpack_unused_export__ = Xavc4kIntraVbrProfileSettings$;
__webpack_unused_export__ = Xavc4kProfileBitrateClass;
__webpack_unused_export__ = Xavc4kProfileCodecProfile;
__webpack_unused_export__ = Xavc4kProfileQualityTuningLevel;
__webpack_unused_export__ = Xavc4kProfileSettings$;
__webpack_unused_export__ = XavcAdaptiveQuantization;
__webpack_unused_export__ = XavcEntropyEncoding;
__webpack_unused_export__ = XavcFlickerAdaptiveQuantization;
__webpack_unused_export__ = XavcFramerateControl;
__webpack_unused_export__ = XavcFramerateConversionAlgorithm;
__webpack_unused_export__ = XavcGopBReference;
__webpack_unused_export__ = XavcHdIntraCbgProfileClass;
__webpack_unused_export__ = XavcHdIntraCbgProfileSettings$;
__webpack_unused_export__ = XavcHdProfileBitrateClass;
__webpack_unused_export__ = XavcHdProfileQualityTuningLevel;
__webpack_unused_export__ = XavcHdProfileSettings$;
__webpack_unused_export__ = XavcHdProfileTelecine;
__webpack_unused_export__ = XavcInterlaceMode;
__webpack_unused_export__ = XavcProfile;
__webpack_unused_export__ = XavcSettings$;
__webpack_unused_export__ = XavcSlowPal;
__webpack_unused_export__ = XavcSpatialAdaptiveQuantization;
__webpack_unused_export__ = XavcTemporalAdaptiveQuantization;
__webpack_unused_export__ = errorTypeRegistries;
__webpack_unused_export__ = paginateDescribeEndpoints;
__webpack_unused_export__ = paginateListJobTemplates;
__webpack_unused_export__ = paginateListJobs;
__webpack_unused_export__ = paginateListPresets;
__webpack_unused_export__ = paginateListQueues;
__webpack_unused_export__ = paginateListVersions;
__webpack_unused_export__ = paginateSearchJobs;


/***/ })

};
